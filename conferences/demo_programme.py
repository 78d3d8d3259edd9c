"""Swedish demo data for the conference: the series, three editions, their programmes and speakers (data only).

Written for Kunskapsarenan from the themes of the first "Mötesplats digitalisering och innovation" on
20 October 2021. The people are invented; where a blog author speaks, the slug is the blog demo's, so the
speaker and the author are the same person record.
Times are "HH:MM" on the edition's day in Europe/Stockholm. Focus areas are referred to by slug.
"""

TJANSTER = "digitala-tjanster"
VERKSAMHET = "effektiv-och-innovativ-verksamhet"
DATA = "data-och-digital-infrastruktur"
KOMPETENS = "digital-kompetens-och-ledarskap"

SERIES = {
    "title": "Mötesplats digitalisering och innovation",
    "slug": "motesplats",
    "intro": (
        "En gång om året samlas alla som driver verksamhetsutveckling i Göteborgs Stad för en dag om "
        "digitalisering och innovation. Förvaltningar och bolag visar vad de har provat, vad som fungerade och "
        "vad de skulle göra annorlunda, och gäster från andra kommuner delar med sig av sina erfarenheter. "
        "Här hittar du kommande dagar, programmen och allt material från tidigare år."
    ),
    "body": [
        (
            "paragraph",
            "<p>Mötesplatsen är till för dig som arbetar med att utveckla verksamheten, oavsett om du är ny i "
            "frågorna eller har drivit digitala satsningar i flera år. Programmet blandar föreläsningar, lärande "
            "exempel från kollegor och samtal över förvaltnings- och bolagsgränser.</p>",
        ),
        (
            "paragraph",
            "<p>Efter dagen lever samtalen vidare här på Kunskapsarenan, där du hittar presentationer, "
            "inspelningar och bloggar från stadens verksamheter.</p>",
        ),
    ],
}

# Speakers. Slugs shared with blogs/demo_posts.py PEOPLE reuse the blog author's record.
PEOPLE = [
    {
        "slug": "helena-strand",
        "name": "Helena Strand",
        "job_title": "Direktör för utveckling av stadens verksamheter",
        "organisation": "Stadsledningskontoret",
        "bio": (
            "Helena leder stadens gemensamma arbete med verksamhetsutveckling och digitalisering och tog "
            "initiativet till Mötesplats digitalisering och innovation."
        ),
    },
    {
        "slug": "johanna-berglund",
        "name": "Johanna Berglund",
        "job_title": "Innovationsledare",
        "organisation": "Stadsledningskontoret",
    },
    {
        "slug": "sara-skribent",
        "name": "Sara Skribent",
        "job_title": "Digitaliseringsstrateg",
        "organisation": "Stadsledningskontoret",
    },
    {
        "slug": "fredrik-lindgren",
        "name": "Fredrik Lindgren",
        "job_title": "Innovationsledare",
        "organisation": "Förvaltningen för demokrati och medborgarservice",
    },
    {
        "slug": "samira-yusuf",
        "name": "Samira Yusuf",
        "job_title": "Utvecklingsledare digital delaktighet",
        "organisation": "Förvaltningen för arbetsmarknad och vuxenutbildning",
        "bio": (
            "Samira arbetar med vuxenutbildningens satsning på digital grundkompetens och har tidigare varit "
            "lärare i svenska för invandrare."
        ),
    },
    {
        "slug": "birgitta-lund",
        "name": "Birgitta Lund",
        "job_title": "Enhetschef",
        "organisation": "Äldre samt vård- och omsorgsförvaltningen",
    },
    {
        "slug": "erik-wahlstrom",
        "name": "Erik Wahlström",
        "job_title": "Affärsutvecklare innovation",
        "organisation": "Business Region Göteborg AB",
        "bio": "Erik hjälper små och medelstora företag i regionen att pröva sina idéer tillsammans med staden.",
    },
    {
        "slug": "linnea-holmqvist",
        "name": "Linnea Holmqvist",
        "job_title": "Innovationsstrateg",
        "organisation": "Helsingborgs stad",
        "bio": "Linnea arbetar med stadens innovationsprogram och med hur nya idéer tas vidare till drift.",
    },
    {
        "slug": "mattias-sjodin",
        "name": "Mattias Sjödin",
        "job_title": "Digitaliseringsstrateg",
        "organisation": "Sundsvalls kommun",
        "bio": "Mattias samordnar kommunens arbete med digital mognad och gemensamma digitala tjänster.",
    },
    {
        "slug": "nora-nilsson",
        "name": "Nora Nilsson",
        "job_title": "Verksamhetsutvecklare",
        "organisation": "Intraservice",
    },
    {
        "slug": "leila-haddad",
        "name": "Leila Haddad",
        "job_title": "Utvecklingsledare",
        "organisation": "Socialförvaltningen Nordost",
    },
    {
        "slug": "daniel-persson",
        "name": "Daniel Persson",
        "job_title": "Projektledare smarta fastigheter",
        "organisation": "Bostadsbolaget",
    },
    {
        "slug": "ahmed-karimi",
        "name": "Ahmed Karimi",
        "job_title": "IT-pedagog",
        "organisation": "Grundskoleförvaltningen",
    },
]

STORA = "Stora scenen"
RUM2 = "Rum 2"


def S(code, start, end, title, kind="talk", track=STORA, abstract="", speakers=(), orgs=(), focus=(), **extra):
    """One programme item; extra keys: external, featured, do_not_record, draft."""
    return {
        "code": code,
        "start": start,
        "end": end,
        "title": title,
        "type": kind,
        "track": track,
        "abstract": abstract,
        "speakers": list(speakers),
        "organisations": list(orgs),
        "focus": list(focus),
        **extra,
    }


EDITIONS = [
    {
        "year": 2021,
        "date": "2021-10-20",
        "title": "Mötesplats digitalisering och innovation 2021",
        "theme": "Vi lär oss tillsammans",
        "format": "digital",
        "venue": "",
        "stream_url": "https://kunskapsarenan.local/sandning/2021",
        "organisers": ["Stadsledningskontoret"],
        "intro": (
            "Den första mötesplatsen hölls helt digitalt. Under en dag visade kollegor från förvaltningar och bolag "
            "hur de använder digitalisering för att utveckla sina verksamheter, och vi fick besök från Helsingborg "
            "och Sundsvall. Dagen avslutades med att Kunskapsarenan presenterades."
        ),
        "tracks": [(STORA, "Sändning 1"), (RUM2, "Sändning 2")],
        # The business session was moved a quarter of an hour after the programme was published.
        "change": ("innovation-for-naringslivet", "13:15", "14:00"),
        "sessions": [
            S(
                "valkommen",
                "09:00",
                "09:30",
                "Välkommen till den första mötesplatsen",
                "keynote",
                abstract=(
                    "Dagen öppnas av direktören för utveckling av stadens verksamheter. Varför behöver staden en "
                    "gemensam mötesplats för digitalisering och innovation, och vad hoppas vi att du tar med dig "
                    "tillbaka till din arbetsplats?"
                ),
                speakers=["helena-strand"],
                orgs=["Stadsledningskontoret"],
                focus=[KOMPETENS],
                featured=True,
            ),
            S(
                "plattform-for-medborgarinflytande",
                "09:30",
                "10:15",
                "En digital plattform för medborgarinflytande",
                "learning_example",
                abstract=(
                    "Hur gör man det enkelt för göteborgare att lämna förslag och följa vad som händer med dem? "
                    "Vi berättar hur plattformen byggdes i små steg tillsammans med invånare, vilka avvägningar "
                    "vi gjorde kring tillgänglighet och moderering, och vad de första månaderna har lärt oss."
                ),
                speakers=["fredrik-lindgren"],
                orgs=["Förvaltningen för demokrati och medborgarservice"],
                focus=[TJANSTER],
                featured=True,
            ),
            S("paus-formiddag", "10:15", "10:30", "Paus", "break", do_not_record=True),
            S(
                "nyanlanda-vuxnas-digitala-kompetens",
                "10:30",
                "11:15",
                "Så stärker vi nyanlända vuxnas digitala kompetens",
                "learning_example",
                abstract=(
                    "E-legitimation, skolplattformar och digitala myndighetskontakter är en del av vardagen från "
                    "första dagen i Sverige. Vuxenutbildningen delar erfarenheter från korta kurser i digital "
                    "vardagskompetens som kombineras med språkundervisningen."
                ),
                speakers=["samira-yusuf"],
                orgs=["Förvaltningen för arbetsmarknad och vuxenutbildning"],
                focus=[KOMPETENS, TJANSTER],
            ),
            S(
                "workshop-sank-troskeln",
                "10:30",
                "11:15",
                "Workshop: Var börjar jag?",
                "workshop",
                track=RUM2,
                abstract=(
                    "För dig som vill komma igång men inte vet hur. Vi går igenom ett enkelt sätt att hitta en "
                    "första idé i din egen verksamhet, pröva den i liten skala och hitta kollegor som gjort något "
                    "liknande."
                ),
                speakers=["johanna-berglund"],
                orgs=["Stadsledningskontoret"],
                focus=[KOMPETENS],
                do_not_record=True,
            ),
            S(
                "gast-helsingborg",
                "11:15",
                "12:00",
                "Gäst från Helsingborgs stad: från idé till drift",
                abstract=(
                    "Många idéer blir aldrig mer än ett lyckat test. Helsingborgs stad berättar hur de organiserar "
                    "innovationsarbetet så att det som fungerar också tas om hand i den vanliga verksamheten."
                ),
                speakers=["linnea-holmqvist"],
                orgs=["Helsingborgs stad"],
                focus=[VERKSAMHET],
                external="Helsingborgs stad",
            ),
            S(
                "digitalisering-vard-och-omsorg",
                "11:15",
                "12:00",
                "Digitalisering inom vård och omsorg",
                "learning_example",
                track=RUM2,
                abstract=(
                    "Digitala tillsynsbesök, läkemedelsrobotar och trygghetslarm som fungerar även utanför hemmet. "
                    "Äldreomsorgen visar vad välfärdstekniken har betytt för de äldre och för personalens arbetsmiljö."
                ),
                speakers=["birgitta-lund"],
                orgs=["Äldre samt vård- och omsorgsförvaltningen"],
                focus=[VERKSAMHET, TJANSTER],
            ),
            S("lunch", "12:00", "13:00", "Lunchpaus", "break", do_not_record=True),
            S(
                "gast-sundsvall",
                "13:00",
                "13:45",
                "Gäst från Sundsvalls kommun: digital mognad i en hel kommun",
                abstract=(
                    "Sundsvalls kommun har mätt sin digitala mognad i flera omgångar. Hur används resultaten, och hur "
                    "får man förvaltningarna att prioritera tillsammans i stället för var för sig?"
                ),
                speakers=["mattias-sjodin"],
                orgs=["Sundsvalls kommun"],
                focus=[KOMPETENS, DATA],
                external="Sundsvalls kommun",
            ),
            S(
                "innovation-for-naringslivet",
                "13:00",
                "13:45",
                "Innovation för näringslivet",
                track=RUM2,
                abstract=(
                    "När staden öppnar upp sina utmaningar kan företag i regionen hjälpa till att lösa dem. Vi visar "
                    "hur testbäddar och öppna data har blivit en väg in för mindre företag, och vad det krävs av "
                    "oss som beställare."
                ),
                speakers=["erik-wahlstrom"],
                orgs=["Business Region Göteborg AB"],
                focus=[VERKSAMHET, DATA],
            ),
            S(
                "panel-lara-av-varandra",
                "13:45",
                "14:30",
                "Panel: Hur lär vi av varandra?",
                "panel",
                abstract=(
                    "Tre kommuner, samma frågor. Panelen samtalar om vad som gör det lättare att dela idéer och "
                    "misstag mellan förvaltningar, bolag och kommuner, och om vad som står i vägen."
                ),
                speakers=["nora-nilsson", "linnea-holmqvist", "mattias-sjodin", "helena-strand"],
                orgs=["Stadsledningskontoret", "Intraservice", "Helsingborgs stad", "Sundsvalls kommun"],
                focus=[KOMPETENS],
                external="Helsingborgs stad, Sundsvalls kommun",
            ),
            S("paus-eftermiddag", "14:30", "14:45", "Paus", "break", do_not_record=True),
            S(
                "lansering-kunskapsarenan",
                "14:45",
                "15:30",
                "Lansering: Kunskapsarenan",
                "keynote",
                abstract=(
                    "Konferensen får en fortsättning året runt. Vi visar den nya digitala kunskapsarenan: material "
                    "från dagen, stadens större förändringsprojekt och bloggar där förvaltningar och bolag berättar om "
                    "sitt arbete. Och vi berättar hur du själv kan börja skriva."
                ),
                speakers=["johanna-berglund", "sara-skribent"],
                orgs=["Stadsledningskontoret"],
                focus=[KOMPETENS, DATA],
                featured=True,
            ),
            S(
                "avslutning",
                "15:30",
                "16:00",
                "Avslutning och medskick",
                abstract="Vad tar vi med oss från dagen, och vad vill du att nästa års mötesplats ska handla om?",
                speakers=["helena-strand"],
                orgs=["Stadsledningskontoret"],
            ),
        ],
    },
    {
        "year": 2022,
        "date": "2022-10-19",
        "title": "Mötesplats digitalisering och innovation 2022",
        "theme": "Från plan till praktik",
        "format": "hybrid",
        "venue": "Stadshuset, Göteborg",
        "stream_url": "https://kunskapsarenan.local/sandning/2022",
        "organisers": ["Stadsledningskontoret", "Intraservice"],
        "intro": (
            "Andra året möttes vi både på plats och digitalt. Dagen handlade om hur stadens nya plan för "
            "digitalisering blir verklighet i förvaltningar och bolag, och om vad mätningarna av digital mognad "
            "säger om var vi står."
        ),
        "tracks": [(STORA, "Stadshussalen"), (RUM2, "Sammanträdesrum 2")],
        "sessions": [
            S(
                "valkommen",
                "09:00",
                "09:30",
                "Välkommen: ett år senare",
                "keynote",
                abstract="Vad har hänt sedan den första mötesplatsen, och vad vill vi åstadkomma de kommande åren?",
                speakers=["helena-strand"],
                orgs=["Stadsledningskontoret"],
                focus=[KOMPETENS],
            ),
            S(
                "planen-i-praktiken",
                "09:30",
                "10:15",
                "Planen för digitalisering – vad betyder den för dig?",
                abstract=(
                    "Planens mål och målområden förklarade med exempel från vardagen i förvaltningar och bolag, och "
                    "vad det innebär för hur vi prioriterar och finansierar digital utveckling."
                ),
                speakers=["sara-skribent"],
                orgs=["Stadsledningskontoret"],
                focus=[VERKSAMHET, DATA],
                featured=True,
            ),
            S("paus", "10:15", "10:30", "Paus", "break", do_not_record=True),
            S(
                "ai-i-handlaggningen",
                "10:30",
                "11:15",
                "AI-stöd i handläggningen med rättssäkerheten i fokus",
                "learning_example",
                abstract=(
                    "Socialförvaltningen Nordost har prövat ett AI-stöd som sorterar inkommande ärenden. Vi berättar "
                    "hur vi säkrade att besluten alltid fattas av en människa och hur vi följde upp kvaliteten."
                ),
                speakers=["leila-haddad"],
                orgs=["Socialförvaltningen Nordost"],
                focus=[VERKSAMHET],
            ),
            S(
                "smarta-fastigheter",
                "10:30",
                "11:15",
                "Smarta fastigheter och hyresgästernas vardag",
                "learning_example",
                track=RUM2,
                abstract="Sensorer, energidata och digital felanmälan: vad har hyresgästerna märkt av satsningen?",
                speakers=["daniel-persson"],
                orgs=["Bostadsbolaget"],
                focus=[DATA, TJANSTER],
            ),
            S(
                "panel-digital-mognad",
                "11:15",
                "12:00",
                "Panel: Vad säger mätningen av digital mognad?",
                "panel",
                abstract=(
                    "Resultaten från stadens mätning av digital mognad diskuteras av företrädare för förvaltningar, "
                    "bolag och en gäst från Sundsvall."
                ),
                speakers=["nora-nilsson", "mattias-sjodin", "sara-skribent"],
                orgs=["Intraservice", "Sundsvalls kommun"],
                focus=[KOMPETENS],
                external="Sundsvalls kommun",
            ),
        ],
    },
    {
        "year": 2027,
        "date": "2027-10-20",
        "title": "Mötesplats digitalisering och innovation 2027",
        "theme": "AI och förtroende i offentlig verksamhet",
        "format": "hybrid",
        "venue": "Stadshuset, Göteborg",
        "stream_url": "https://kunskapsarenan.local/sandning/2027",
        "registration_opens": "2027-08-15T08:00",
        "registration_closes": "2027-10-13T23:59",
        "organisers": ["Stadsledningskontoret"],
        "intro": (
            "Årets mötesplats handlar om hur vi använder AI och automatisering så att invånarna kan fortsätta lita "
            "på staden. Kom till Stadshuset eller följ dagen i sändningen. Programmet fylls på under hösten."
        ),
        "tracks": [(STORA, "Stadshussalen"), (RUM2, "Sammanträdesrum 2")],
        "sessions": [
            S(
                "valkommen",
                "09:00",
                "09:30",
                "Välkommen till årets mötesplats",
                "keynote",
                abstract="Dagens värd hälsar välkommen och berättar varför förtroende är årets tema.",
                speakers=["helena-strand"],
                orgs=["Stadsledningskontoret"],
                focus=[KOMPETENS],
            ),
            S(
                "ai-som-invanarna-kan-lita-pa",
                "09:30",
                "10:15",
                "AI som invånarna kan lita på",
                "keynote",
                abstract=(
                    "Vilka krav ställer vi när staden köper och bygger AI-tjänster, och hur berättar vi öppet för "
                    "invånarna när och hur de används?"
                ),
                speakers=["johanna-berglund"],
                orgs=["Stadsledningskontoret"],
                focus=[TJANSTER, DATA],
                featured=True,
            ),
            S("paus", "10:15", "10:30", "Paus", "break", do_not_record=True),
            S(
                "workshop-ai-i-klassrummet",
                "10:30",
                "12:00",
                "Workshop: AI i klassrummet",
                "workshop",
                track=RUM2,
                abstract="Prova verktygen och diskutera hur lärare och elever kan använda dem på ett klokt sätt.",
                speakers=["ahmed-karimi"],
                orgs=["Grundskoleförvaltningen"],
                focus=[KOMPETENS],
                do_not_record=True,
            ),
            S(
                "automatisering-med-omtanke",
                "10:30",
                "11:15",
                "Automatisering med omtanke",
                "learning_example",
                abstract="Ett lärande exempel om automatisering i handläggningen, under förberedelse.",
                speakers=["leila-haddad"],
                orgs=["Socialförvaltningen Nordost"],
                focus=[VERKSAMHET],
                draft=True,
            ),
        ],
    },
]
