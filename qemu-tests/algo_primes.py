# Primes by trial division, prime counting, twin primes, prime factorization.


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    i = 5
    while i * i <= n:
        if n % i == 0 or n % (i + 2) == 0:
            return False
        i += 6
    return True


def factorize(n: int) -> str:
    out = ""
    d = 2
    while d * d <= n:
        while n % d == 0:
            out = out + str(d) + " "
            n //= d
        d += 1
    if n > 1:
        out = out + str(n)
    return out


def main() -> None:
    line = ""
    count = 0
    for n in range(100):
        if is_prime(n):
            line += str(n) + " "
            count += 1
    print(line)
    print("primes below 100:", count)
    c = 0
    twins = 0
    for n in range(2, 20000):
        if is_prime(n):
            c += 1
            if is_prime(n + 2):
                twins += 1
    print("primes below 20000:", c, "twin pairs:", twins)
    for n in range(2, 40):
        print(n, "=", factorize(n))
    print(factorize(600851475143), "|", factorize(9223372036854775807), "|", factorize(1000000007))
    big = 1000000000000
    while not is_prime(big):
        big += 1
    print("first prime above 10^12:", big)


main()
