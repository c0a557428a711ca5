# golden: mir
# dict lookups raise KeyError; get() with a default does not.


def price(menu: dict[str, int], item: str) -> int:
    return menu[item] + menu.get("tax", 0)


print(price({"tea": 3, "tax": 1}, "tea"))
