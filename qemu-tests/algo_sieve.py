# needs: list, listcomp, slice, sum, enumerate, zip, unpack, minmax-iter
# Sieve of Eratosthenes into list[bool], prime list via comprehension, gaps
# with zip over a slice, prime-counting checkpoints.


def sieve(n: int) -> list[bool]:
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return is_p


def main() -> None:
    n = 200000
    flags = sieve(n)
    primes = [i for i, p in enumerate(flags) if p]
    print(len(primes), primes[:15], primes[-3:])
    for lim in [10, 100, 1000, 10000, 100000]:
        print(lim, len([p for p in primes if p < lim]))
    gaps = [b - a for a, b in zip(primes, primes[1:])]
    best = max(gaps)
    print("max gap", best, "after", primes[gaps.index(best)])
    print(sum(primes[:1000]), sum(primes) % 1000000007)
    twins = len([1 for a, b in zip(primes, primes[1:]) if b - a == 2])
    print("twin pairs", twins)


main()
