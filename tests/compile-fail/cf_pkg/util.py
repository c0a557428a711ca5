def helper() -> int:
    return 2
