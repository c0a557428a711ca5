# Count primes by trial division with odd divisors.

LIMIT = 3200000  # bench-size: count 1000000, gate 150000


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


if __name__ == "__main__":
    limit = LIMIT
    count = 0
    last = 0
    for n in range(limit):
        if is_prime(n):
            count += 1
            last = n
    print(count, last)
