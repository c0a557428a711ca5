# error: 3:5: operands of 'or' must have the same type
s = "name"
t = s or 0
