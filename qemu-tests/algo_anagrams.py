# needs: list, tuple, dict, str-iter, sorted, str-methods, sort-key, lambda, unpack, listcomp, in
# Group anagrams with dict[str, list[str]] keyed by the sorted letters; report
# groups ordered by (-size, key).


def key_of(w: str) -> str:
    return "".join(sorted(w.lower()))


def main() -> None:
    words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac",
             "dog", "god", "odg", "Inlets", "banana", "stone", "tones", "notes", "onset", "x"]
    groups: dict[str, list[str]] = {}
    for w in words:
        k = key_of(w)
        if k not in groups:
            groups[k] = []
        groups[k].append(w)
    print(len(groups))
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for k, ws in ordered:
        print(k, len(ws), ws)
    singles = [ws[0] for ws in groups.values() if len(ws) == 1]
    print(singles)
    print(key_of("Dormitory") == key_of("dirtyroom"))


main()
