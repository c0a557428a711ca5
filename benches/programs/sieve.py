# Sieve of Eratosthenes on a list[bool].

N = 60000000  # bench-size: count 10000000, gate 1000000


def sieve(n: int) -> list[bool]:
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return is_prime


if __name__ == "__main__":
    n = N
    flags = sieve(n)
    count = 0
    last = 0
    for i in range(n + 1):
        if flags[i]:
            count += 1
            last = i
    print(count, last)
