"""The language guess: from the letters of the text's main script, so a quote in another script
near the top does not decide it. The texts are our own."""

from newstrace.ingest.language import detect_language, in_main_script

HINDI = (
    "राहुल गांधी ने आज दिल्ली में एक रैली को संबोधित किया और कहा कि सरकार को किसानों की बात सुननी चाहिए। "
    "उन्होंने कहा कि देश के युवा रोजगार चाहते हैं और महंगाई से परेशान हैं। "
)
ENGLISH = (
    "The opposition leader addressed a rally in the capital on Tuesday and said the government must listen "
    "to farmers. He told supporters that young people wanted jobs and were worried about rising prices. "
    "Officials did not respond to requests for comment. "
)


def test_an_english_report_quoting_a_hindi_post_at_the_top_is_english():
    assert detect_language("Opposition leader speaks at rally\n\n" + HINDI * 3 + "\n\n" + ENGLISH * 8) == "en"


def test_a_hindi_report_quoting_english_names_stays_hindi():
    assert detect_language(HINDI * 4 + " BJP Congress Rahul Gandhi New Delhi " + HINDI) == "hi"


def test_a_russian_report_with_an_english_sentence_stays_russian():
    russian = "Рони Кривой был освобожден в воскресенье, сообщили в Москве. Он провел в плену пятьдесят дней. "
    assert detect_language(russian * 3 + "Russian officials said Hamas had the list. " + russian) == "ru"


def test_one_script_is_left_as_written_and_other_scripts_are_blanked():
    assert in_main_script(ENGLISH) == ENGLISH
    mixed = in_main_script("He posted: नमस्ते दोस्तों and left the hall")
    assert mixed.split() == ["He", "posted:", "and", "left", "the", "hall"]


def test_a_few_words_give_no_guess():
    assert detect_language("Rally in Delhi") is None
