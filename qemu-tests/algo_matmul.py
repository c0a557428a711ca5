# needs: list, nested, listcomp, fstring, zip, sum, str-methods, unpack
# Matrix multiply with list[list[float]], identity, transpose, power by squaring,
# formatted printing.


def zeros(n: int, m: int) -> list[list[float]]:
    return [[0.0] * m for _ in range(n)]


def identity(n: int) -> list[list[float]]:
    out = zeros(n, n)
    for i in range(n):
        out[i][i] = 1.0
    return out


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0.0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out


def transpose(a: list[list[float]]) -> list[list[float]]:
    return [[row[j] for row in a] for j in range(len(a[0]))]


def matpow(a: list[list[float]], e: int) -> list[list[float]]:
    result = identity(len(a))
    base = a
    while e > 0:
        if e % 2 == 1:
            result = matmul(result, base)
        base = matmul(base, base)
        e //= 2
    return result


def show(m: list[list[float]]) -> None:
    for row in m:
        print(" ".join([f"{v:9.3f}" for v in row]))


def main() -> None:
    a = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    b = [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]
    show(matmul(a, b))
    show(transpose(a))
    print(matmul(a, identity(3)) == a, transpose(transpose(b)) == b)
    fib = [[1.0, 1.0], [1.0, 0.0]]
    print(matpow(fib, 30))
    rot = [[0.0, -1.0], [1.0, 0.0]]
    print(matpow(rot, 4), matpow(rot, 2))
    n = 40
    h = [[1.0 / float(i + j + 1) for j in range(n)] for i in range(n)]
    hh = matmul(h, h)
    trace = sum([hh[i][i] for i in range(n)])
    print(f"{trace:.10f} {hh[0][0]:.12f} {hh[n - 1][n - 1]:.6e}")
    dots = [sum([x * y for x, y in zip(r, c)]) for r, c in zip(h, transpose(h))]
    print(f"{sum(dots):.10f}")


main()
