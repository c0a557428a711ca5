# needs: dict, del
# Insertion order survives deletes and re-inserts; overwriting keeps the
# original position; many inserts/deletes (forcing internal resizes).


def keys_of(d: dict[int, int]) -> str:
    out = ""
    for k in d:
        out += str(k) + " "
    return out


def main() -> None:
    d = {"one": 1, "two": 2, "three": 3, "four": 4}
    del d["two"]
    print(d)
    d["two"] = 22
    print(d)
    d["one"] = 11
    print(d)
    d.pop("three")
    d["three"] = 33
    print(d)
    n: dict[int, int] = {}
    for i in range(100):
        n[i] = i
    for i in range(0, 100, 3):
        del n[i]
    for i in range(0, 30, 2):
        n[i] = -i
    print(len(n))
    print(keys_of(n))
    for i in range(1000):
        n[1000 + i] = i
        del n[1000 + i]
    print(len(n), keys_of(n) == keys_of(dict(n)))
    m: dict[int, str] = {}
    m[5] = "a"
    m[-1] = "b"
    m[3] = "c"
    del m[5]
    m[5] = "d"
    print(m)


main()
