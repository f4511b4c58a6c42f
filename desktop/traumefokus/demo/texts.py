"""The demo centre's words: names, goals, check-in answers, notes and reasons, written for
the project in Danish (demo content: never text from the Seeking Safety or Creating Change
manuals)."""

FIRST_NAMES = (
    "Bo",
    "Anne",
    "Mads",
    "Lene",
    "Kim",
    "Pia",
    "Jens",
    "Tina",
    "Ole",
    "Mia",
    "Søren",
    "Birgitte",
    "Jørgen",
    "Ida",
    "Kasper",
    "Sanne",
    "Rasmus",
    "Louise",
)
GOALS = (
    "At kunne sove en hel nat uden at drikke først.",
    "At holde aftalerne med min søn hver anden weekend.",
    "At kende mine advarselstegn og vide, hvad jeg så gør.",
    "At gå en tur hver dag i stedet for at blive i sengen.",
    "At skære ned til hash kun i weekenden.",
    "At turde sige fra over for min bror.",
    "At komme i gang med et praktikforløb.",
    "At have én person, jeg kan ringe til, når det er svært.",
)
EARLY_REASON_WORDS = ("Startede i psykologforløb i regionen", "Fik arbejde på skiftehold")
# Words for the demo's session notes (demo content, written for Traumefokus).
FEELINGS = (
    "Træt, men her",
    "Uroligt, har sovet dårligt",
    "Bedre end sidst",
    "Vred på kommunen",
    "Ked af det efter en svær weekend",
    "Rolig i dag",
    "Spændt på temaet",
)
COPING = (
    "Gik en tur, da trangen kom",
    "Ringede til min søster",
    "Brugte grounding i bussen",
    "Holdt mig fra festen lørdag",
    "Skrev i min notesbog",
    "",
)
SUBSTANCES = ("Hash, to joints lørdag", "Øl til fødselsdag, fem-seks stk.", "Piller én aften")
DROP_REASONS = (
    "Klienten ønskede ikke at arbejde med temaet",
    "Temaet blev dækket i en anden session",
    "Aftalt at prioritere de øvrige temaer",
)
UNSAFE = ("Kørte bil efter at have drukket", "Var i et skænderi, der blev voldsomt")
UNDERSTANDING = (
    "At man skal passe på sig selv først",
    "At det går i bølger",
    "At man ikke behøver klare alt alene",
    "At små skridt også tæller",
)
LINKS = (
    "Det passer med det, vi talte om sidst",
    "Det minder mig om min plan",
    "Det er svært, men giver mening",
)
SHEET_NOTES = (
    "Lavede arket sammen; klienten skrev selv",
    "Nåede halvdelen",
    "Tog arket med hjem",
    "Talte mest om første spørgsmål",
)
TAKEAWAYS = (
    "At jeg har en plan",
    "At jeg ikke er alene om det",
    "At jeg må sige fra",
    "Mine advarselstegn",
)
DIFFICULT = ("At tale om weekenden", "At høre mig selv sige det højt", "")
MOVE_NOTES = (
    "TEM gennemgået; stabil uge",
    "Talte om mål og næste skridt",
    "Aftalte hjemmeopgave",
    "Opfølgning på aftalen fra sidst",
)
# How a week goes, by weight: most sessions are held.
