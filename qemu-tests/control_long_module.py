# Long module-level code: past 100 statements mgen lowers module-level code
# as a sequence of chunk functions (src/mir/build/chunks.rs) that share the
# <module> frame. Module-level comprehension variables live in the chunk
# that uses them; a large `if` body is chunked inside the if (its condition,
# with a comprehension of its own, is evaluated in <module> itself).


def step(t: int, k: int) -> int:
    return (t * 31 + k) % 1000003


t = 1
squares = [x * x for x in range(10)]
total = 0
t = step(t, 0)
words = {w: len(w) * 0 for w in "a bb ccc".split()}
print(0, t, sum(squares), sorted(words.items()))
t = step(t, 1)
t = step(t, 2)
t = step(t, 3)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 4)
t = step(t, 5)
t = step(t, 6)
words = {w: len(w) * 6 for w in "a bb ccc".split()}
print(6, t, sum(squares), sorted(words.items()))
t = step(t, 7)
t = step(t, 8)
t = step(t, 9)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 10)
t = step(t, 11)
t = step(t, 12)
words = {w: len(w) * 12 for w in "a bb ccc".split()}
print(12, t, sum(squares), sorted(words.items()))
t = step(t, 13)
t = step(t, 14)
t = step(t, 15)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 16)
t = step(t, 17)
t = step(t, 18)
words = {w: len(w) * 18 for w in "a bb ccc".split()}
print(18, t, sum(squares), sorted(words.items()))
t = step(t, 19)
t = step(t, 20)
t = step(t, 21)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 22)
t = step(t, 23)
t = step(t, 24)
words = {w: len(w) * 24 for w in "a bb ccc".split()}
print(24, t, sum(squares), sorted(words.items()))
t = step(t, 25)
t = step(t, 26)
t = step(t, 27)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 28)
t = step(t, 29)
t = step(t, 30)
words = {w: len(w) * 30 for w in "a bb ccc".split()}
print(30, t, sum(squares), sorted(words.items()))
t = step(t, 31)
t = step(t, 32)
t = step(t, 33)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 34)
t = step(t, 35)
t = step(t, 36)
words = {w: len(w) * 36 for w in "a bb ccc".split()}
print(36, t, sum(squares), sorted(words.items()))
t = step(t, 37)
t = step(t, 38)
t = step(t, 39)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 40)
t = step(t, 41)
t = step(t, 42)
words = {w: len(w) * 42 for w in "a bb ccc".split()}
print(42, t, sum(squares), sorted(words.items()))
t = step(t, 43)
t = step(t, 44)
t = step(t, 45)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 46)
t = step(t, 47)
t = step(t, 48)
words = {w: len(w) * 48 for w in "a bb ccc".split()}
print(48, t, sum(squares), sorted(words.items()))
t = step(t, 49)
t = step(t, 50)
t = step(t, 51)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 52)
t = step(t, 53)
t = step(t, 54)
words = {w: len(w) * 54 for w in "a bb ccc".split()}
print(54, t, sum(squares), sorted(words.items()))
t = step(t, 55)
t = step(t, 56)
t = step(t, 57)
if t % 2 == 0:
    total += t
else:
    total -= t // 3
print("total", total)
t = step(t, 58)
t = step(t, 59)
if len([c for c in "chunk" if c in "aeiou"]) == 1:
    t = step(t, 100)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 0, t, evens)
    t = step(t, 101)
    t = step(t, 102)
    t = step(t, 103)
    t = step(t, 104)
    t = step(t, 105)
    t = step(t, 106)
    t = step(t, 107)
    t = step(t, 108)
    t = step(t, 109)
    t = step(t, 110)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 10, t, evens)
    t = step(t, 111)
    t = step(t, 112)
    t = step(t, 113)
    t = step(t, 114)
    t = step(t, 115)
    t = step(t, 116)
    t = step(t, 117)
    t = step(t, 118)
    t = step(t, 119)
    t = step(t, 120)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 20, t, evens)
    t = step(t, 121)
    t = step(t, 122)
    t = step(t, 123)
    t = step(t, 124)
    t = step(t, 125)
    t = step(t, 126)
    t = step(t, 127)
    t = step(t, 128)
    t = step(t, 129)
    t = step(t, 130)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 30, t, evens)
    t = step(t, 131)
    t = step(t, 132)
    t = step(t, 133)
    t = step(t, 134)
    t = step(t, 135)
    t = step(t, 136)
    t = step(t, 137)
    t = step(t, 138)
    t = step(t, 139)
    t = step(t, 140)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 40, t, evens)
    t = step(t, 141)
    t = step(t, 142)
    t = step(t, 143)
    t = step(t, 144)
    t = step(t, 145)
    t = step(t, 146)
    t = step(t, 147)
    t = step(t, 148)
    t = step(t, 149)
    t = step(t, 150)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 50, t, evens)
    t = step(t, 151)
    t = step(t, 152)
    t = step(t, 153)
    t = step(t, 154)
    t = step(t, 155)
    t = step(t, 156)
    t = step(t, 157)
    t = step(t, 158)
    t = step(t, 159)
    t = step(t, 160)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 60, t, evens)
    t = step(t, 161)
    t = step(t, 162)
    t = step(t, 163)
    t = step(t, 164)
    t = step(t, 165)
    t = step(t, 166)
    t = step(t, 167)
    t = step(t, 168)
    t = step(t, 169)
    t = step(t, 170)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 70, t, evens)
    t = step(t, 171)
    t = step(t, 172)
    t = step(t, 173)
    t = step(t, 174)
    t = step(t, 175)
    t = step(t, 176)
    t = step(t, 177)
    t = step(t, 178)
    t = step(t, 179)
    t = step(t, 180)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 80, t, evens)
    t = step(t, 181)
    t = step(t, 182)
    t = step(t, 183)
    t = step(t, 184)
    t = step(t, 185)
    t = step(t, 186)
    t = step(t, 187)
    t = step(t, 188)
    t = step(t, 189)
    t = step(t, 190)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 90, t, evens)
    t = step(t, 191)
    t = step(t, 192)
    t = step(t, 193)
    t = step(t, 194)
    t = step(t, 195)
    t = step(t, 196)
    t = step(t, 197)
    t = step(t, 198)
    t = step(t, 199)
    t = step(t, 200)
    evens = [y for y in range(t % 17) if y % 2 == 0]
    print("inner", 100, t, evens)
    t = step(t, 201)
    t = step(t, 202)
    t = step(t, 203)
    t = step(t, 204)
    t = step(t, 205)
    t = step(t, 206)
    t = step(t, 207)
    t = step(t, 208)
    t = step(t, 209)
else:
    print("never")
print("done", t, total)
