"""Words a translation into a script without capitals writes for what its source writes in Latin
letters (data only, no logic): month names, so that "2 जुलाई" is the "July 2" of its source."""

from __future__ import annotations

# Hindi month names (both spellings in common use) and their numbers.
HINDI_MONTHS: dict[str, int] = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7,
    "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11,
    "दिसंबर": 12, "दिसम्बर": 12,
}  # fmt: skip
