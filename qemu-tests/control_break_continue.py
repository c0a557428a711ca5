# break and continue in for and while loops, including nested loops.


def first_divisor(n: int) -> int:
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    if d * d > n:
        return n
    return d


def main() -> None:
    for i in range(20):
        if i % 3 == 0:
            continue
        if i > 14:
            break
        print("i =", i)
    for n in range(2, 40, 5):
        print(n, "first divisor", first_divisor(n))
    found = 0
    for a in range(1, 30):
        for b in range(a, 30):
            if a * a + b * b > 800:
                break
            c = 1
            while c * c < a * a + b * b:
                c += 1
            if c * c != a * a + b * b:
                continue
            print("triple", a, b, c)
            found += 1
    print("triples found:", found)
    k = 0
    while True:
        k += 1
        if k % 2 == 0:
            continue
        if k > 15:
            break
        print("odd k", k)
    print("stopped at", k)
    count = 0
    for i in range(10):
        for j in range(10):
            if j > i:
                break
            if (i + j) % 2 == 1:
                continue
            count += 1
    print("count", count)


main()
