# str methods, indexing, slicing, concatenation and repetition.
s = "Hello, World"
words = s.split(", ")
print(s.upper(), s.lower(), s[0], s[-1], s[1:5], s[::-1])
print("-".join(words), s.replace("l", "L", 2), s.find("o"), s.count("l"))
print(s.startswith("He"), s.strip("Hd"), s.center(20, "*"), "ab" * 3)
t = s + "!"
print(len(t), t.partition(","), "x" in t, s.isalpha())
