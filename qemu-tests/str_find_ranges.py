# str.find/rfind/count/startswith/endswith with start and end positions: CPython's index rules.


def case(s: str, t: str) -> None:
    print(s.find(t, -10), s.rfind(t, -10), s.count(t, -10), s.startswith(t, -10), s.endswith(t, -10))
    print(s.find(t, -10, -2), s.rfind(t, -10, -2), s.count(t, -10, -2), s.startswith(t, -10, -2), s.endswith(t, -10, -2))
    print(s.find(t, -10, 0), s.rfind(t, -10, 0), s.count(t, -10, 0), s.startswith(t, -10, 0), s.endswith(t, -10, 0))
    print(s.find(t, -10, 3), s.rfind(t, -10, 3), s.count(t, -10, 3), s.startswith(t, -10, 3), s.endswith(t, -10, 3))
    print(s.find(t, -10, 20), s.rfind(t, -10, 20), s.count(t, -10, 20), s.startswith(t, -10, 20), s.endswith(t, -10, 20))
    print(s.find(t, -3), s.rfind(t, -3), s.count(t, -3), s.startswith(t, -3), s.endswith(t, -3))
    print(s.find(t, -3, -2), s.rfind(t, -3, -2), s.count(t, -3, -2), s.startswith(t, -3, -2), s.endswith(t, -3, -2))
    print(s.find(t, -3, 0), s.rfind(t, -3, 0), s.count(t, -3, 0), s.startswith(t, -3, 0), s.endswith(t, -3, 0))
    print(s.find(t, -3, 3), s.rfind(t, -3, 3), s.count(t, -3, 3), s.startswith(t, -3, 3), s.endswith(t, -3, 3))
    print(s.find(t, -3, 20), s.rfind(t, -3, 20), s.count(t, -3, 20), s.startswith(t, -3, 20), s.endswith(t, -3, 20))
    print(s.find(t, -1), s.rfind(t, -1), s.count(t, -1), s.startswith(t, -1), s.endswith(t, -1))
    print(s.find(t, -1, -2), s.rfind(t, -1, -2), s.count(t, -1, -2), s.startswith(t, -1, -2), s.endswith(t, -1, -2))
    print(s.find(t, -1, 0), s.rfind(t, -1, 0), s.count(t, -1, 0), s.startswith(t, -1, 0), s.endswith(t, -1, 0))
    print(s.find(t, -1, 3), s.rfind(t, -1, 3), s.count(t, -1, 3), s.startswith(t, -1, 3), s.endswith(t, -1, 3))
    print(s.find(t, -1, 20), s.rfind(t, -1, 20), s.count(t, -1, 20), s.startswith(t, -1, 20), s.endswith(t, -1, 20))
    print(s.find(t, 0), s.rfind(t, 0), s.count(t, 0), s.startswith(t, 0), s.endswith(t, 0))
    print(s.find(t, 0, -2), s.rfind(t, 0, -2), s.count(t, 0, -2), s.startswith(t, 0, -2), s.endswith(t, 0, -2))
    print(s.find(t, 0, 0), s.rfind(t, 0, 0), s.count(t, 0, 0), s.startswith(t, 0, 0), s.endswith(t, 0, 0))
    print(s.find(t, 0, 3), s.rfind(t, 0, 3), s.count(t, 0, 3), s.startswith(t, 0, 3), s.endswith(t, 0, 3))
    print(s.find(t, 0, 20), s.rfind(t, 0, 20), s.count(t, 0, 20), s.startswith(t, 0, 20), s.endswith(t, 0, 20))
    print(s.find(t, 1), s.rfind(t, 1), s.count(t, 1), s.startswith(t, 1), s.endswith(t, 1))
    print(s.find(t, 1, -2), s.rfind(t, 1, -2), s.count(t, 1, -2), s.startswith(t, 1, -2), s.endswith(t, 1, -2))
    print(s.find(t, 1, 0), s.rfind(t, 1, 0), s.count(t, 1, 0), s.startswith(t, 1, 0), s.endswith(t, 1, 0))
    print(s.find(t, 1, 3), s.rfind(t, 1, 3), s.count(t, 1, 3), s.startswith(t, 1, 3), s.endswith(t, 1, 3))
    print(s.find(t, 1, 20), s.rfind(t, 1, 20), s.count(t, 1, 20), s.startswith(t, 1, 20), s.endswith(t, 1, 20))
    print(s.find(t, 2), s.rfind(t, 2), s.count(t, 2), s.startswith(t, 2), s.endswith(t, 2))
    print(s.find(t, 2, -2), s.rfind(t, 2, -2), s.count(t, 2, -2), s.startswith(t, 2, -2), s.endswith(t, 2, -2))
    print(s.find(t, 2, 0), s.rfind(t, 2, 0), s.count(t, 2, 0), s.startswith(t, 2, 0), s.endswith(t, 2, 0))
    print(s.find(t, 2, 3), s.rfind(t, 2, 3), s.count(t, 2, 3), s.startswith(t, 2, 3), s.endswith(t, 2, 3))
    print(s.find(t, 2, 20), s.rfind(t, 2, 20), s.count(t, 2, 20), s.startswith(t, 2, 20), s.endswith(t, 2, 20))
    print(s.find(t, 4), s.rfind(t, 4), s.count(t, 4), s.startswith(t, 4), s.endswith(t, 4))
    print(s.find(t, 4, -2), s.rfind(t, 4, -2), s.count(t, 4, -2), s.startswith(t, 4, -2), s.endswith(t, 4, -2))
    print(s.find(t, 4, 0), s.rfind(t, 4, 0), s.count(t, 4, 0), s.startswith(t, 4, 0), s.endswith(t, 4, 0))
    print(s.find(t, 4, 3), s.rfind(t, 4, 3), s.count(t, 4, 3), s.startswith(t, 4, 3), s.endswith(t, 4, 3))
    print(s.find(t, 4, 20), s.rfind(t, 4, 20), s.count(t, 4, 20), s.startswith(t, 4, 20), s.endswith(t, 4, 20))
    print(s.find(t, 11), s.rfind(t, 11), s.count(t, 11), s.startswith(t, 11), s.endswith(t, 11))
    print(s.find(t, 11, -2), s.rfind(t, 11, -2), s.count(t, 11, -2), s.startswith(t, 11, -2), s.endswith(t, 11, -2))
    print(s.find(t, 11, 0), s.rfind(t, 11, 0), s.count(t, 11, 0), s.startswith(t, 11, 0), s.endswith(t, 11, 0))
    print(s.find(t, 11, 3), s.rfind(t, 11, 3), s.count(t, 11, 3), s.startswith(t, 11, 3), s.endswith(t, 11, 3))
    print(s.find(t, 11, 20), s.rfind(t, 11, 20), s.count(t, 11, 20), s.startswith(t, 11, 20), s.endswith(t, 11, 20))


def main() -> None:
    words = ['', 'a', 'ab', 'abcab', 'héllo wörld', 'aaaa']
    subs = ['', 'a', 'ab', 'l', 'ö', 'aa', 'zz']
    for w in words:
        for t in subs:
            case(w, t)


main()
