# error: 2:6: `from __future__ import` is not supported yet
from __future__ import annotations

print(1)
