"""Swedish demo texts written for Kunskapsarenan."""

HOME_INTRO = (
    "Här delar stadens förvaltningar och bolag med sig av hur de arbetar med digitalisering och "
    "innovation – vad som fungerade, vad som inte gjorde det och vad de skulle göra annorlunda nästa gång."
)

HOME_BODY = [
    ("heading", {"text": "Lär av varandra, över gränserna", "level": "h2"}),
    (
        "paragraph",
        "<p>Kunskapsarenan samlar erfarenheter från hela koncernen. Varje organisation har en egen "
        "blogg där medarbetare berättar om sina förändringsarbeten, och arenaredaktionen lyfter fram "
        "projekt som fler kan ha nytta av.</p>",
    ),
]

ABOUT_INTRO = "Kunskapsarenan är stadens gemensamma plats för lärande och utbyte om digital verksamhetsutveckling."

ABOUT_BODY = [
    ("heading", {"text": "Varför en kunskapsarena?", "level": "h2"}),
    (
        "paragraph",
        "<p>Många förvaltningar och bolag löser liknande problem samtidigt: e-tjänster, automatisering, "
        "nya arbetssätt och gamla system som behöver ersättas. När erfarenheterna stannar i en "
        "organisation uppfinns hjulet igen på flera håll. Arenan gör det enkelt att hitta den som redan "
        "har provat.</p>",
    ),
    ("heading", {"text": "Vem kan skriva?", "level": "h2"}),
    (
        "paragraph",
        "<p>Alla medarbetare kan läsa och kommentera. Varje organisation utser skribenter som skriver "
        "i organisationens blogg och redaktörer som granskar och publicerar.</p>",
    ),
    (
        "quote",
        {
            "text": "Digitalisering är inget mål i sig, utan ett verktyg för att utveckla verksamheten.",
            "attribution": "Arenaredaktionen",
        },
    ),
]

COOKIE_INTRO = "Kunskapsarenan använder bara de kakor som behövs för att webbplatsen ska fungera."

COOKIE_BODY = [
    ("heading", {"text": "Nödvändiga kakor", "level": "h2"}),
    (
        "paragraph",
        "<ul><li><b>sessionid</b> håller dig inloggad. Den försvinner när du loggar ut eller efter två veckor.</li>"
        "<li><b>csrftoken</b> skyddar formulär mot förfalskade anrop. Den sparas i ett år.</li>"
        "<li><b>messages</b> visar korta bekräftelser, till exempel efter att du skickat ett formulär. "
        "Den tas bort direkt när meddelandet har visats.</li></ul>",
    ),
    ("heading", {"text": "Inga spårande kakor", "level": "h2"}),
    (
        "paragraph",
        "<p>Vi använder inga kakor för statistik eller marknadsföring och delar inga uppgifter med "
        "tredje part. Därför behöver vi inte fråga om ditt samtycke.</p>",
    ),
]

ACCESSIBILITY_INTRO = (
    "Göteborgs Stad står bakom Kunskapsarenan. Vi vill att så många som möjligt ska kunna använda "
    "webbplatsen. Här beskriver vi hur arenan uppfyller lagen om tillgänglighet till digital offentlig "
    "service, kända brister och hur du rapporterar problem."
)

ACCESSIBILITY_BODY = [
    ("heading", {"text": "Hur tillgänglig är webbplatsen?", "level": "h2"}),
    (
        "paragraph",
        "<p>Webbplatsen är byggd för att uppfylla WCAG 2.1 nivå AA. Varje sidtyp testas automatiskt "
        "med verktyget axe i en riktig webbläsare innan en ändring publiceras, och sidorna går att "
        "använda med tangentbord och utan JavaScript.</p>",
    ),
    ("heading", {"text": "Kända brister", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>En inspelning från konferensen 2022, panelen om digital mognad, saknar textning. Den finns kvar "
        "som exempel på hur en inspelning utan textning visas; en utskrift av samtalet finns på sidan.</li>"
        "<li>En del äldre PDF-dokument i materialbiblioteket är inte taggade för skärmläsare.</li></ul>",
    ),
    ("heading", {"text": "Tillsyn", "level": "h2"}),
    (
        "paragraph",
        "<p>Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn av lagen. Om du inte är "
        "nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.</p>",
    ),
    ("heading", {"text": "Hur vi testat webbplatsen", "level": "h2"}),
    (
        "paragraph",
        "<p>Vi har gjort en självskattning med automatiska och manuella tester. Varje sidtyp testas också i "
        "en webbläsare som är 320 pixlar bred och med ökat avstånd mellan rader, ord och bokstäver. De viktigaste "
        "flödena, som sökning, anmälan, kommentarer och inloggning, testas med enbart tangentbord, och vi kontrollerar "
        "att fokus hamnar på felsammanfattningen när ett formulär inte gick att skicka. "
        "Redogörelsen uppdaterades senast den 3 december 2026.</p>",
    ),
]

ACCESSIBILITY_FORM_INTRO = (
    "<p>Upplever du problem med webbplatsen? Beskriv problemet så åtgärdar vi det. Vi sparar det du "
    "skriver i högst ett år för att kunna följa upp ärendet. E-postadressen behövs bara om du vill ha svar.</p>"
)

ACCESSIBILITY_FORM_FIELDS = [
    ("Beskriv problemet", "multiline", True, "Vad försökte du göra, och vad hände?"),
    ("Sidans adress", "url", False, "Klistra in adressen till sidan där problemet finns, om du har den."),
    ("Din e-postadress", "email", False, "Frivilligt. Bara om du vill att vi svarar dig."),
]

ACCESSIBILITY_THANKS = "<p>Tack för att du hjälper oss att bli bättre! Vi återkommer inom fem arbetsdagar om du har lämnat din e-postadress.</p>"

FOOTER_TEXT = "Kunskapsarenan drivs av stadsledningskontoret tillsammans med stadens förvaltningar och bolag."

ORGANISATION_DESCRIPTIONS = {
    "forvaltning": "{name} delar här med sig av sitt arbete med digitalisering och verksamhetsutveckling.",
    "bolag": "{name} berättar om hur bolaget använder digitalisering för att utveckla sin verksamhet.",
    "extern": "{name} är gäst i arenan och delar erfarenheter från sitt eget förändringsarbete.",
}
