"""Brands and product words that the small model reads as people's names: data only.

Written by hand from the makers, platforms and product lines that technology, gaming, car and
shopping pages name most. A multi-word name that opens with a brand ("Nintendo Switch", "Dell
Alienware", "DJI Mavic Mini") or ends with a product-line word ("MacBook Pro", "Chromecast
Ultra", "Xbox Live") names a product. Brands that are also common surnames ("Ford", "Dell" as
in "Michael Dell") only count first in a name, never after a given name. Lowercase.
"""

from __future__ import annotations

BRANDS = frozenset(
    """
    acer adidas airbnb alienware amazon android anker apple asus audi bmw bose canon chevrolet
    chromecast dell dji facebook fitbit ford garmin gopro google honda hp huawei hyundai ikea
    instagram intel ipad iphone kia kindle lenovo lg lyft macbook mercedes microsoft motorola
    netflix nike nikon nintendo nissan nokia nvidia oneplus oppo panasonic peloton philips
    playstation pokemon puma qualcomm realme reebok roku samsung sega sharp snapchat sonos sony
    spotify tesla tiktok toyota twitter uber volkswagen volvo whatsapp xbox xiaomi youtube zoom
    """.split()
)

# Last words of a product's name: a model line or an edition.
PRODUCT_TAIL_WORDS = frozenset(
    """
    pro ultra mini max plus lite edition live mode air series console tablet phone watch
    """.split()
)

# Positions a sports roster writes before a player's name ("DL Myles Garrett", "F Hamidou
# Diallo"): capitals, no dot (an initial has one).
SPORTS_POSITIONS = frozenset(
    """
    QB RB WR TE OL DL LB CB DB DE DT OT OG FB PG SG SF PF LW RW GK
    """.split()
)
