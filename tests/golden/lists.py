# list methods, items, slices, deletion and in-place operators.
xs: list[int] = [5, 3, 8]
xs.append(1)
xs.insert(0, 9)
xs.extend(range(3))
xs.sort(reverse=True)
top = xs.pop()
xs[0] = 11
xs[1] += 2
del xs[2]
xs[1:3] = [7, 7]
ys = xs
ys += [4]
ys *= 2
print(xs, top, xs.index(7), xs.count(7), xs[-2:], sorted(xs))
