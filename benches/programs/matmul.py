# Dense matrix multiplication on lists of lists of floats (i-k-j loop order).

N = 1000  # bench-size: count 500, gate 200


def make_matrix(n: int, seed: int) -> list[list[float]]:
    m: list[list[float]] = []
    x = seed
    for i in range(n):
        row: list[float] = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append(x / 2147483648.0 - 0.5)
        m.append(row)
    return m


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n = len(a)
    c: list[list[float]] = []
    for i in range(n):
        ai = a[i]
        row = [0.0] * n
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                row[j] += aik * bk[j]
        c.append(row)
    return c


if __name__ == "__main__":
    n = N
    a = make_matrix(n, 42)
    b = make_matrix(n, 7)
    c = matmul(a, b)
    trace = 0.0
    for i in range(n):
        trace += c[i][i]
    total = 0.0
    for row in c:
        total += sum(row)
    print(f"{trace:.6f} {total:.6f}")
