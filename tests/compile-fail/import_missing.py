# error: 3:8: ModuleNotFoundError: No module named 'no_such_module_xyz'
# A module that is neither in the program nor in CPython's standard library.
import no_such_module_xyz

print(1)
