# needs: list, tuple, dict, str-methods, sorted, sort-key, lambda, unpack, fstring, repr
# Non-Latin-1 text: word counts that ignore case (Greek final sigma, German
# ß/SS), title-casing names, case-insensitive lookups with casefold, and
# character classes of mixed scripts.


def words_of(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split():
        w = raw.strip(".,;:!?«»“”()")
        if w != "":
            out.append(w)
    return out


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words_of(text):
        k = w.casefold()
        counts[k] = counts.get(k, 0) + 1
    return counts


def title_name(name: str) -> str:
    parts: list[str] = []
    for p in name.split():
        parts.append(p.capitalize())
    return " ".join(parts)


def classify(s: str) -> str:
    kinds: list[str] = []
    if s.isalpha():
        kinds.append("alpha")
    if s.isdecimal():
        kinds.append("decimal")
    elif s.isdigit():
        kinds.append("digit")
    elif s.isnumeric():
        kinds.append("numeric")
    if s.isupper():
        kinds.append("upper")
    if s.islower():
        kinds.append("lower")
    if s.istitle():
        kinds.append("title")
    if not s.isprintable():
        kinds.append("unprintable")
    return ",".join(kinds) if kinds else "-"


def main() -> None:
    greek = "Ο ΟΔΥΣΣΕΥΣ και ο Οδυσσέας. ΟΔΥΣΣΕΥΣ! Η θάλασσα, η ΘΑΛΑΣΣΑ."
    german = "Die Straße, die STRASSE und die strasse; Grüße aus Köln, GRÜSSE!"
    russian = "Москва — столица России. МОСКВА большая, москва красивая."
    for text in [greek, german, russian]:
        counts = count_words(text)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        print(len(words_of(text)), len(counts), top[:4])
        print(text.lower())
        print(text.upper())
        print(text.swapcase())

    names = ["ǆenana ǉubić", "ΑΛΈΞΑΝΔΡΟΣ παπαδόπουλος", "иван петров-водкин", "o'neil ßmith", "ﬁona ﬂynn"]
    for n in names:
        t = n.title()
        print(f"{n!r:32} {t:28} {title_name(n):28} {len(n)} {len(t)} {t.istitle()}")

    directory: dict[str, str] = {}
    for city, country in [("München", "DE"), ("Αθήνα", "GR"), ("Санкт-Петербург", "RU"), ("Straßburg", "FR")]:
        directory[city.casefold()] = country
    for q in ["MÜNCHEN", "αθηνα", "ΑΘΉΝΑ", "санкт-петербург", "STRASSBURG", "Paris"]:
        print(q, directory.get(q.casefold(), "?"), q.lower() == q.casefold())

    for s in ["Ωμέγα", "ΩΜΈΓΑ", "ωμέγα", "Ǆ", "ǅ", "٣٤٥", "Ⅻ", "¾", "²", "日本語", "\u200d", "İstanbul", "ﬀ"]:
        print(repr(s), classify(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()))

    for s in ["ΣΑΣ", "ΌΣΟΣ Σ", "Σ.", "AΣ'Σ", "ΜΆΘΗΜΑ ΤΟΥ ΧΡΌΝΟΥ", "(ΑΣ)"]:
        print(s.lower(), s.title(), s.capitalize())


main()
