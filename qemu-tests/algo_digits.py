# Digit manipulation: sums, reversal, Armstrong numbers, digital roots, Luhn checks.


def digit_sum(n: int) -> int:
    s = 0
    n = abs(n)
    while n > 0:
        s += n % 10
        n //= 10
    return s


def reverse_num(n: int) -> int:
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r


def num_digits(n: int) -> int:
    return len(str(n))


def is_armstrong(n: int) -> bool:
    k = num_digits(n)
    s = 0
    m = n
    while m > 0:
        s += (m % 10) ** k
        m //= 10
    return s == n


def digital_root(n: int) -> int:
    while n >= 10:
        n = digit_sum(n)
    return n


def luhn_ok(s: str) -> bool:
    total = 0
    double = False
    i = len(s) - 1
    while i >= 0:
        d = int(s[i])
        if double:
            d *= 2
            if d > 9:
                d -= 9
        total += d
        double = not double
        i -= 1
    return total % 10 == 0


def main() -> None:
    for n in range(0, 200, 13):
        print(n, digit_sum(n), reverse_num(n), digital_root(n), num_digits(n))
    print(digit_sum(9223372036854775807), digit_sum(-12345), reverse_num(123456789), reverse_num(1200))
    line = ""
    for n in range(1, 100000):
        if is_armstrong(n):
            line += str(n) + " "
    print("armstrong:", line)
    pals = 0
    for n in range(1, 20000):
        if reverse_num(n) == n:
            pals += 1
    print("numeric palindromes below 20000:", pals)
    print(luhn_ok("79927398713"), luhn_ok("79927398710"), luhn_ok("4539578763621486"), luhn_ok("1234567812345678"))
    print("2**60 digit sum:", digit_sum(2 ** 60), "root:", digital_root(2 ** 60))


main()
