# Indexing strings with positive and negative indices; reversal; palindromes.


def reverse(s: str) -> str:
    out = ""
    i = len(s) - 1
    while i >= 0:
        out = out + s[i]
        i -= 1
    return out


def reverse_neg(s: str) -> str:
    out = ""
    for i in range(1, len(s) + 1):
        out += s[-i]
    return out


def is_palindrome(s: str) -> bool:
    i = 0
    j = len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True


def count_char(s: str, c: str) -> int:
    n = 0
    for i in range(len(s)):
        if s[i] == c:
            n += 1
    return n


def main() -> None:
    s = "Hello, World"
    print(s[0], s[1], s[-1], s[-2], s[len(s) - 1], s[-len(s)])
    print(reverse(s), reverse_neg(s), reverse(""), reverse("x"))
    for w in range(8):
        word = "racecar" if w == 0 else "level" if w == 1 else "abca" if w == 2 else "noon" if w == 3 else "a" if w == 4 else "" if w == 5 else "ab" if w == 6 else "abcba"
        print("[" + word + "]", is_palindrome(word), reverse(word) == word)
    text = "the quick brown fox jumps over the lazy dog"
    print("o:", count_char(text, "o"), "e:", count_char(text, "e"), " :", count_char(text, " "))
    every_other = ""
    for i in range(0, len(text), 2):
        every_other += text[i]
    print(every_other)
    backwards_step = ""
    for i in range(len(text) - 1, -1, -3):
        backwards_step += text[i]
    print(backwards_step)
    print(s[3] + s[-3] + s[0] * 3)


main()
