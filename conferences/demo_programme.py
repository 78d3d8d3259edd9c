"""Swedish demo data for the conference: the series, three editions, their programmes and speakers (data only).

Written for Kunskapsarenan from the themes of the first "Mötesplats digitalisering och innovation" on
20 October 2021. The people are invented; where a blog author speaks, the slug is the blog demo's, so the
speaker and the author are the same person record.
Times are "HH:MM" on the edition's day in Europe/Stockholm. Focus areas are referred to by slug.
The coming edition's registration window is given relative to the day the demo is seeded ("registration"), so it is
open whenever the demo is set up; the 2022 recordings' transcripts are in RECORDINGS.
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
    """One programme item; extra keys: external, featured, do_not_record, draft, registration_required, capacity."""
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
        # Opens a month before the demo is seeded, closes a week before the day (at 23:59); 300 places in the hall.
        "registration": {"opens_days_ago": 30, "closes_days_before": 7},
        "capacity": 300,
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
                registration_required=True,
                capacity=25,
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
            S("lunch", "12:00", "13:00", "Lunch", "break", do_not_record=True),
            S(
                "workshop-klarsprak-med-ai",
                "13:00",
                "14:30",
                "Workshop: Klarspråk med AI-stöd",
                "workshop",
                track=RUM2,
                abstract=(
                    "Ta med en text från din egen verksamhet, till exempel ett beslut eller en kallelse. Vi prövar hur "
                    "ett AI-verktyg kan hjälpa till att göra den tydligare, och granskar tillsammans var verktyget "
                    "hjälper och var det gör texten sämre. Ta med en dator."
                ),
                speakers=["sara-skribent"],
                orgs=["Stadsledningskontoret"],
                focus=[KOMPETENS, TJANSTER],
                do_not_record=True,
                registration_required=True,
                capacity=12,
            ),
            S(
                "workshop-riskbedomning",
                "14:45",
                "16:00",
                "Workshop: Gör en riskbedömning av en AI-tjänst",
                "workshop",
                track=RUM2,
                abstract=(
                    "En övning i liten grupp där vi går igenom en tänkt AI-tjänst för att boka tid i äldreomsorgen, "
                    "steg för steg: vilka uppgifter den behandlar, vad som kan gå fel för invånaren och vem som "
                    "ansvarar när det händer. Få platser så att alla hinner vara med i samtalet."
                ),
                speakers=["leila-haddad"],
                orgs=["Socialförvaltningen Nordost"],
                focus=[VERKSAMHET, DATA],
                do_not_record=True,
                registration_required=True,
                capacity=3,
            ),
        ],
    },
]


def paragraphs(*texts):
    return "\n\n".join(texts)


# Recordings of the 2022 sessions. Those without "external_url" use the generated opening video
# (conferences/demo_media.py) with its captions in the listed languages; the external one has captions of its own
# as (start seconds, end seconds, text) cues. The panel has no captions yet, so the warning shows.
RECORDINGS = [
    {
        "year": 2022,
        "session": "valkommen",
        "captions": ["sv"],
        "transcript": paragraphs(
            "Godmorgon allihop, och välkomna – både ni som sitter här i Stadshussalen och ni som följer oss i "
            "sändningen. För ett år sedan träffades vi för första gången, då helt digitalt. Jag sa att vi skulle "
            "lära oss tillsammans, och i dag vill jag berätta vad det har blivit av det löftet.",
            "Sedan dess har Kunskapsarenan vuxit. Förvaltningar och bolag har börjat dela sina lärande exempel, och "
            "flera av er som sitter här har skrivit på bloggarna. Vi har också fått en gemensam plan för "
            "digitalisering, som Sara kommer att berätta mer om strax.",
            "Men en plan gör ingen skillnad förrän den används. Därför heter dagen ”Från plan till praktik”. Jag "
            "vill att vi pratar lika mycket om det som inte fungerade som om det som gick bra, för det är där vi "
            "lär oss mest.",
            "De kommande åren vill jag att vi blir bättre på tre saker: att ta tillvara de idéer som fungerar så att "
            "de blir en del av vardagen, att mäta var vi står så att vi kan prioritera tillsammans, och att se till "
            "att alla medarbetare får den kompetens som behövs. Tack för att ni är här, och ha en riktigt bra dag.",
        ),
    },
    {
        "year": 2022,
        "session": "planen-i-praktiken",
        "captions": ["sv", "en"],
        "transcript": paragraphs(
            "Tack, Helena. Jag ska försöka göra något som kan låta omöjligt: förklara en hel plan på en halvtimme, "
            "och dessutom göra det begripligt för dig som aldrig har läst den.",
            "Planen har ett övergripande mål: digitaliseringen ska göra det enklare för invånare, företag och "
            "medarbetare, och staden ska använda sina gemensamma resurser klokare. Under målet finns fyra "
            "målområden: digitala tjänster, en effektiv och innovativ verksamhet, data och digital infrastruktur "
            "samt digital kompetens och ledarskap. Känner ni igen dem? Det är samma fokusområden som ni hittar på "
            "Kunskapsarenan.",
            "Vad betyder det i vardagen? Ta ett exempel från förskolan. När vårdnadshavare kan anmäla frånvaro "
            "digitalt sparar pedagogerna tid varje morgon, men bara om tjänsten hänger ihop med schemat och "
            "närvarolistan. Det är därför planen talar om gemensam infrastruktur: en tjänst blir aldrig bättre än "
            "det den bygger på.",
            "Planen förändrar också hur vi prioriterar och finansierar. I stället för att varje förvaltning betalar "
            "för sina egna lösningar vill vi samla satsningar som många har nytta av, och följa upp dem med samma "
            "mått. Du som har en idé ska kunna visa vilken nytta den gör och för vem, och det ska finnas en tydlig "
            "väg in för att få stöd.",
            "Mitt medskick är enkelt: läs det målområde som ligger närmast ditt eget arbete, och fråga dig vad som "
            "skulle behöva förändras på din arbetsplats för att vi ska nå dit.",
        ),
    },
    {
        "year": 2022,
        "session": "ai-i-handlaggningen",
        "captions": ["sv"],
        "transcript": paragraphs(
            "Hej! Jag är utvecklingsledare på Socialförvaltningen Nordost, och jag ska berätta om ett försök som vi "
            "var ganska nervösa inför att starta.",
            "Varje vecka kommer hundratals ärenden in till oss: ansökningar, anmälningar och frågor. Förut lästes "
            "alla av samma lilla grupp handläggare, som sedan fördelade dem vidare. Det tog tid, och brådskande "
            "ärenden kunde bli liggande i kön. Vi ville pröva om ett AI-stöd kunde sortera ärendena så att de "
            "brådskande hamnade överst.",
            "Det viktigaste beslutet fattade vi innan vi skrev en enda rad kod: AI-stödet får föreslå, men aldrig "
            "besluta. Varje ärende läses fortfarande av en handläggare, som ser förslaget och själv avgör. Vi "
            "loggade också varje gång handläggaren valde något annat än förslaget och gick igenom de fallen "
            "tillsammans varje vecka.",
            "Efter ett halvår ser vi att de brådskande ärendena hanteras snabbare och att handläggarna har bättre "
            "överblick. Vi såg också att stödet fungerade sämre för ärenden som var skrivna på andra språk än "
            "svenska. Det har vi rättat till, och det visar varför uppföljningen måste finnas med från början och "
            "inte göras i efterhand.",
            "Funderar ni på något liknande? Prata tidigt med dataskyddsombudet och de fackliga företrädarna, och "
            "var öppna mot invånarna med hur stödet används.",
        ),
    },
    {
        "year": 2022,
        "session": "smarta-fastigheter",
        "external_url": "https://play.example.se/video/motesplats-2022-smarta-fastigheter",
        "own_captions": {
            "sv": [
                (0.0, 4.0, "Jag heter Daniel Persson och leder projektet med smarta fastigheter på Bostadsbolaget."),
                (4.0, 8.5, "Under två år har vi satt sensorer i drygt tusen lägenheter,"),
                (8.5, 13.0, "och i dag vill jag berätta vad hyresgästerna faktiskt har märkt av det."),
                (13.0, 17.0, "Det första de märkte var ingenting alls, och det var meningen."),
            ]
        },
        "transcript": paragraphs(
            "Jag heter Daniel Persson och leder projektet med smarta fastigheter på Bostadsbolaget. Under två år "
            "har vi satt sensorer i drygt tusen lägenheter, och i dag vill jag berätta vad hyresgästerna faktiskt "
            "har märkt av det.",
            "Det första de märkte var ingenting alls, och det var meningen. Sensorerna mäter temperatur och fukt, "
            "och när något avviker får fastighetsskötaren en signal innan hyresgästen ens hunnit märka att det "
            "blivit kallt. I de husen har felanmälningarna om värme minskat med ungefär en tredjedel.",
            "Det andra var den digitala felanmälan. Många tycker att det är smidigt att kunna skicka en bild och "
            "följa ärendet i mobilen. Men vi lärde oss snabbt att telefonen måste finnas kvar: en del av våra "
            "äldre hyresgäster vill prata med en människa, och det ska de få göra.",
            "Det tredje handlar om energin. Med bättre data kan vi styra värmen efter hur husen faktiskt används, "
            "och det har minskat energianvändningen märkbart. Vi är noga med att mätningarna gäller huset och inte "
            "den enskilda hyresgästen, och vi berättar öppet vad vi mäter och varför.",
        ),
    },
    {
        "year": 2022,
        "session": "panel-digital-mognad",
        "captions": [],
        "transcript": paragraphs(
            "Nora Nilsson: Välkomna till panelen. Vi har precis fått resultaten från stadens mätning av digital "
            "mognad, och jag vill börja med frågan som många har ställt: vad ska vi egentligen med en sådan mätning "
            "till?",
            "Sara Skribent: För mig handlar det om att kunna prioritera på riktigt. Mätningen visar att vi har kommit "
            "långt med digitala tjänster till invånarna, men att vi ligger efter när det gäller att dela data mellan "
            "verksamheterna. Det hade vi anat, men nu kan vi visa det.",
            "Mattias Sjödin: Vi i Sundsvall har mätt i flera omgångar, och mitt råd är att inte stirra sig blind på "
            "siffrorna. Det värdefulla är samtalen som uppstår när en ledningsgrupp jämför sina svar med varandras. "
            "Då blir det tydligt var man ser olika på saker.",
            "Nora Nilsson: Hur undviker man att mätningen blir en tävling mellan förvaltningarna?",
            "Mattias Sjödin: Genom att redovisa resultaten öppet men aldrig göra en topplista, och genom att följa "
            "upp med stöd i stället för pekpinnar.",
            "Sara Skribent: Precis. Nästa gång vi mäter vill jag att varje förvaltning ska kunna peka på något som de "
            "har förbättrat, och att vi har hjälpt varandra att komma dit.",
        ),
    },
]
