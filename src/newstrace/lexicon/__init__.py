"""Word lists shared by extraction and linking, as data: ``words`` (titles, roles, places,
outlets, kinship, given names, ...) and ``names`` (name particles, transliteration and spelling
tables, suffixes). Lists one stage alone uses live beside it (``extract/*_lexicon.py``,
``link/distortion_lexicon.py``)."""
