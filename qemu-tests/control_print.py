# print with several arguments, sep and end.


def main() -> None:
    print()
    print("one")
    print("a", "b", "c")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("a", "b", sep="\n")
    print("no newline", end="")
    print(" -> continued", end="!\n")
    print(1, 2.5, True, "s", -0.0, sep="|", end="<\n")
    print(end="")
    print(sep="x")
    print("", end="\n\n")
    print("tab", "sep", sep="\t")
    for i in range(5):
        print(i, end=" ")
    print()
    for i in range(5):
        print(i, i * i, sep=":", end=";")
    print("")
    print("multi", "char", "sep", sep=" --- ")
    print(1, 2, 3, sep="", end="")
    print(4)
    print("é", "ü", sep="·")
    sep = "+"
    print(1, 2, 3, sep=sep)
    end = "=6\n"
    print(1, 2, 3, sep=sep, end=end)


main()
