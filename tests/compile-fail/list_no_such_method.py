# error: 3:4: 'list' object has no attribute 'push'
xs: list[int] = [1]
xs.push(2)
