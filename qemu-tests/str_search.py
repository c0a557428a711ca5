# needs: str-methods
# startswith/endswith, find/rfind, index, count, in on substrings.


def main() -> None:
    s = "the cat sat on the mat with the hat"
    print(s.startswith("the"), s.startswith("cat"), s.endswith("hat"), s.endswith(""))
    print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("dog"), s.rfind("dog"))
    print(s.find(""), s.rfind(""), s.find("at", 10, 20), s.find("t", -5))
    print(s.index("sat"), s.index("at", 6), s.count("at"), s.count("the"), s.count(""))
    print("aaaa".count("aa"), "banana".count("an"), "banana".rfind("an"))
    print("cat" in s, "dog" in s, "" in s, "mat w" in s, "Cat" not in s)
    i = s.find("at")
    n = 0
    while i != -1:
        n += 1
        i = s.find("at", i + 1)
    print("at occurs", n)


main()
