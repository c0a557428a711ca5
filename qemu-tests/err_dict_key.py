# needs: dict
# Looking up a missing str key: KeyError shows the key's repr.


def lookup(d: dict[str, int], k: str) -> int:
    return d[k]


def main() -> None:
    d = {"alpha": 1, "beta": 2}
    for k in ["alpha", "beta", "zed", "alpha"]:
        print(k, lookup(d, k))


main()
