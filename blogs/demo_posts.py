"""Swedish demo posts, people and comments for the blog spaces, written for Kunskapsarenan (data only).

Body blocks are written with the small helpers below: H (heading), P (paragraph, rich-text HTML),
Q (quote), T (table with a caption; the first row is the header). Focus areas are referred to by slug.
"""

TJANSTER = "digitala-tjanster"
VERKSAMHET = "effektiv-och-innovativ-verksamhet"
DATA = "data-och-digital-infrastruktur"
KOMPETENS = "digital-kompetens-och-ledarskap"


def H(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def P(html):
    return ("paragraph", html)


def Q(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def T(caption, rows):
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            },
        },
    )


# Each organisation's blog space gets this introduction if its own is empty.
SPACE_INTROS = {
    "Stadsledningskontoret": (
        "Stadsledningskontoret skriver om stadens gemensamma arbete med digitalisering: plan, styrning, "
        "digital mognad och hur vi lär av varandra."
    ),
    "Intraservice": (
        "Intraservice delar erfarenheter från arbetet med stadens gemensamma IT, e-arkiv, "
        "informationssäkerhet och automatisering."
    ),
    "Förskoleförvaltningen": (
        "Förskoleförvaltningen berättar hur digitala verktyg används i förskolans vardag och i kontakten "
        "med vårdnadshavare."
    ),
    "Grundskoleförvaltningen": (
        "Grundskoleförvaltningen skriver om digital skolutveckling, AI i undervisningen och elevernas "
        "digitala kompetens."
    ),
    "Äldre samt vård- och omsorgsförvaltningen": (
        "Här berättar äldreomsorgen om välfärdsteknik som ger tryggare vardag för äldre och bättre "
        "arbetsmiljö för personalen."
    ),
    "Socialförvaltningen Nordost": (
        "Socialförvaltningen Nordost delar erfarenheter av automatisering och AI-stöd i handläggningen, "
        "med rättssäkerheten i fokus."
    ),
    "Förvaltningen för inköp och upphandling": (
        "Vi skriver om hur upphandling kan driva innovation och hur man ställer krav när staden köper "
        "digitala lösningar."
    ),
    "Förvaltningen för demokrati och medborgarservice": (
        "Kontaktcenter, öppna data och medborgardialog: så gör vi det enklare för göteborgare att nå och "
        "påverka staden."
    ),
    "Higab AB": (
        "Higab berättar hur sensorer och digitala tvillingar hjälper oss att förvalta stadens kulturhistoriska "
        "byggnader och lokaler."
    ),
    "Bostadsbolaget": (
        "Bostadsbolaget delar erfarenheter av smarta fastigheter, energieffektivisering och digital service "
        "för hyresgäster."
    ),
    "Göteborg Energi AB": (
        "Göteborg Energi skriver om det digitala elnätet, smarta mätare och data som hjälper staden att ställa om."
    ),
    "Liseberg AB": (
        "Liseberg berättar om digitala biljetter, appar och hur vi använder data för en bättre parkupplevelse."
    ),
    "Stadsbyggnadsförvaltningen": (
        "Stadsbyggnadsförvaltningen skriver om digitala detaljplaner, e-tjänster för bygglov och "
        "samhällsbyggnadsprocessens data."
    ),
    "Förvaltningen för arbetsmarknad och vuxenutbildning": (
        "Vi delar erfarenheter av att stärka vuxnas digitala kompetens, på väg mot arbete och studier."
    ),
}

# People who write in the arena. "user" links a demo login (the part of the e-mail before @) to the person.
PEOPLE = [
    {
        "slug": "sara-skribent",
        "name": "Sara Skribent",
        "job_title": "Digitaliseringsstrateg",
        "organisation": "Stadsledningskontoret",
        "user": "skribent.slk",
        "bio": "Arbetar med stadens plan för digitalisering och med uppföljningen av digital mognad.",
    },
    {
        "slug": "johanna-berglund",
        "name": "Johanna Berglund",
        "job_title": "Innovationsledare",
        "organisation": "Stadsledningskontoret",
        "bio": "Leder stadens innovationsprogram och samordnar Mötesplats digitalisering och innovation.",
    },
    {
        "slug": "nora-nilsson",
        "name": "Nora Nilsson",
        "job_title": "Verksamhetsutvecklare",
        "organisation": "Intraservice",
        "user": "skribent.intraservice",
        "bio": "Driver utvecklingen av e-arkivet och stadens gemensamma automatiseringsplattform.",
    },
    {
        "slug": "mikael-holm",
        "name": "Mikael Holm",
        "job_title": "IT-arkitekt",
        "organisation": "Intraservice",
        "bio": "Arkitekt med ansvar för integrationer, identitet och informationssäkerhet i stadens IT-miljö.",
    },
    {
        "slug": "elin-sjoberg",
        "name": "Elin Sjöberg",
        "job_title": "Verksamhetsutvecklare",
        "organisation": "Förskoleförvaltningen",
        "bio": "Förskollärare i grunden, arbetar nu med digitalisering i förskolans pedagogik.",
    },
    {
        "slug": "ahmed-karimi",
        "name": "Ahmed Karimi",
        "job_title": "IT-pedagog",
        "organisation": "Grundskoleförvaltningen",
        "bio": "Stöttar lärare i att använda digitala verktyg och AI på ett genomtänkt sätt.",
    },
    {
        "slug": "birgitta-lund",
        "name": "Birgitta Lund",
        "job_title": "Enhetschef",
        "organisation": "Äldre samt vård- och omsorgsförvaltningen",
        "bio": "Enhetschef i hemtjänsten och projektledare för införandet av välfärdsteknik.",
    },
    {
        "slug": "leila-haddad",
        "name": "Leila Haddad",
        "job_title": "Utvecklingsledare",
        "organisation": "Socialförvaltningen Nordost",
        "bio": "Socionom som leder förvaltningens arbete med digitala stöd i myndighetsutövningen.",
    },
    {
        "slug": "per-andersson",
        "name": "Per Andersson",
        "job_title": "Strategisk upphandlare",
        "organisation": "Förvaltningen för inköp och upphandling",
        "bio": "Upphandlar IT-tjänster och arbetar med innovationsupphandling och behovsanalys.",
    },
    {
        "slug": "fredrik-lindgren",
        "name": "Fredrik Lindgren",
        "job_title": "Innovationsledare",
        "organisation": "Förvaltningen för demokrati och medborgarservice",
        "bio": "Arbetar med öppna data, kontaktcenter och digital medborgardialog.",
    },
    {
        "slug": "karin-wallin",
        "name": "Karin Wallin",
        "job_title": "Digitaliseringsansvarig",
        "organisation": "Higab AB",
        "bio": "Ansvarar för Higabs arbete med smarta fastigheter och digitala tvillingar.",
    },
    {
        "slug": "daniel-persson",
        "name": "Daniel Persson",
        "job_title": "Projektledare smarta fastigheter",
        "organisation": "Bostadsbolaget",
        "bio": "Leder installationen av sensorer och energistyrning i Bostadsbolagets bestånd.",
    },
    {
        "slug": "anna-forsberg",
        "name": "Anna Forsberg",
        "job_title": "Digitaliseringsstrateg",
        "organisation": "Göteborg Energi AB",
        "bio": "Arbetar med digitaliseringen av elnätet och med hur energidata kan delas.",
    },
    {
        "slug": "oskar-nystrom",
        "name": "Oskar Nyström",
        "job_title": "Produktägare digitala kanaler",
        "organisation": "Liseberg AB",
        "bio": "Ansvarar för Lisebergs app och biljettflöden på webben.",
    },
    {
        "slug": "maria-eriksson",
        "name": "Maria Eriksson",
        "job_title": "Enhetschef",
        "organisation": "Stadsbyggnadsförvaltningen",
        "bio": "Leder enheten för geodata och digitala planer.",
    },
    {
        "slug": "yasmin-ali",
        "name": "Yasmin Ali",
        "job_title": "Digital coach",
        "organisation": "Förvaltningen för arbetsmarknad och vuxenutbildning",
        "bio": "Lärare i svenska för invandrare som numera coachar vuxna i digital vardag.",
    },
]

# "hero": (illustration style, alt text). Styles the seeder draws: network, grid, waves, night, bars, barcode,
# path, ripples, blocks, speech (see blogs.demo.draw_illustration); the alt text describes the drawing.
# Comments: (username, text) or (username, text, {"hidden_by": username} | {"reported_by": username}).
POSTS = [
    # --- Stadsledningskontoret -------------------------------------------------------------------------------
    {
        "organisation": "Stadsledningskontoret",
        "slug": "darfor-bygger-vi-en-kunskapsarena",
        "title": "Därför bygger vi en kunskapsarena",
        "intro": (
            "Förvaltningar och bolag gör mycket klokt med digitalisering, men erfarenheterna stannar ofta där "
            "de uppstod. Nu får staden en gemensam plats för att dela dem."
        ),
        "date": "2024-12-04",
        "authors": ["johanna-berglund", "sara-skribent"],
        "tags": ["innovation", "lärande", "samverkan"],
        "focus": [KOMPETENS],
        "hero": (
            "network",
            "Abstrakt illustration: ljusa noder i olika blå nyanser förbundna med tunna linjer, "
            "som ett nätverk av organisationer som delar kunskap.",
        ),
        "body": [
            H("Samma problem löses på tjugo ställen"),
            P(
                "<p>När vi gick igenom vilka digitala utvecklingsprojekt som pågick i koncernen hittade vi "
                "flera som arbetade med nästan samma sak: bokningsflöden, digitala signaturer, chattstöd. "
                "Ingen av dem visste om de andra. Det är inte konstigt i en organisation med över fyrtio "
                "förvaltningar och bolag, men det är dyrt.</p>"
            ),
            H("En förlängning av mötesplatsen"),
            P(
                "<p>Kunskapsarenan bygger vidare på den årliga konferensen Mötesplats digitalisering och "
                "innovation. Konferensen ger en dag av inspiration; arenan ska finnas där resten av året. "
                "Här finns material, stadens större förändringsprojekt och bloggar där varje organisation "
                "berättar om sitt arbete.</p>"
            ),
            Q(
                "Vi vill sänka tröskeln. Alla som utvecklar sin verksamhet ska känna att digitalisering också "
                "är deras fråga.",
                "Johanna Berglund, innovationsledare",
            ),
            P(
                "<p>Skriv gärna om det som inte gick som planerat. De inläggen brukar vara de mest lärorika. "
                "Prata med redaktören i din organisation om du vill komma igång.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Äntligen! Jag har letat efter just det här i flera år."),
            (
                "skribent.intraservice",
                "Vi på Intraservice har redan ett par inlägg på gång om e-arkivet. Bra initiativ!",
            ),
            (
                "redaktor",
                "Tips till alla skribenter: korta stycken och en tydlig ingress gör inläggen lättare att läsa.",
            ),
        ],
    },
    {
        "organisation": "Stadsledningskontoret",
        "slug": "fyra-malomraden-i-planen-for-digitalisering",
        "title": "Fyra målområden i stadens plan för digitalisering",
        "intro": (
            "Planen för digitalisering ger förvaltningar och bolag en gemensam riktning. Här går vi igenom de "
            "fyra målområdena och vad de betyder i vardagen."
        ),
        "date": "2025-01-22",
        "authors": ["sara-skribent"],
        "tags": ["digital mognad", "styrning"],
        "focus": [TJANSTER, KOMPETENS],
        "body": [
            P(
                "<p>Digitalisering är i stadens mening en metod för verksamhetsutveckling, inte ett mål i sig. "
                "Planen beskriver därför vilka nyttor vi vill nå och i vilka områden insatserna ska göras.</p>"
            ),
            H("Målområdena"),
            P(
                "<ul><li><b>Digitala tjänster för invånare och företag</b> – ärenden ska gå att sköta när det "
                "passar den som behöver dem.</li>"
                "<li><b>Effektiv och innovativ verksamhet</b> – vi automatiserar rutiner och frigör tid för "
                "det som kräver människor.</li>"
                "<li><b>Data och digital infrastruktur</b> – öppna data och gemensamma plattformar som fler "
                "kan bygga på.</li>"
                "<li><b>Digital kompetens och ledarskap</b> – chefer och medarbetare som vågar och kan leda "
                "förändring.</li></ul>"
            ),
            H("Balansen mellan effektivitet och innovation"),
            P(
                "<p>Ett återkommande tema i planen är balansen: den som bara effektiviserar riskerar att "
                "förfina gårdagens arbetssätt, och den som bara prövar nytt får svårt att visa nytta. Båda "
                "behövs, och prioriteringarna ska synas i varje organisations handlingsplan.</p>"
            ),
        ],
        "comments": [
            ("analytiker", "Bra sammanfattning. Vi kopplar mognadsmätningen till samma fyra områden i år."),
            ("medarbetare", "Finns planen i en lättläst version? Den vore bra att dela på arbetsplatsträffar."),
        ],
    },
    {
        "organisation": "Stadsledningskontoret",
        "slug": "sa-mogen-ar-staden-digitalt",
        "title": "Så mogen är staden digitalt – resultat från årets mätning",
        "intro": (
            "För tredje året har förvaltningar och bolag mätt sin digitala mognad. Resultatet visar tydliga "
            "framsteg i förmåga, men det digitala arvet bromsar fortfarande."
        ),
        "date": "2025-10-08",
        "authors": ["sara-skribent", "johanna-berglund"],
        "tags": ["digital mognad", "uppföljning"],
        "focus": [KOMPETENS, DATA],
        "hero": (
            "bars",
            "Abstrakt stapeldiagram i blå toner där staplarna blir högre från vänster till höger, "
            "som en bild av ökande digital mognad.",
        ),
        "body": [
            P(
                "<p>Mätningen bygger på en modell med två dimensioner: digital förmåga och digitalt arv. "
                "Resultatet anges i procent av optimala förutsättningar. Siffrorna nedan är stadens "
                "sammanvägda värden.</p>"
            ),
            T(
                "Stadens sammanvägda resultat per dimension, procent av optimala förutsättningar",
                [
                    ["Dimension", "2023", "2024", "2025"],
                    ["Digital förmåga", "52", "56", "61"],
                    ["Digitalt arv", "47", "48", "50"],
                    ["Totalt", "50", "52", "56"],
                ],
            ),
            H("Vad säger siffrorna?"),
            P(
                "<p>Förmågan att driva utveckling har ökat mest, särskilt där förvaltningar har avsatt tid "
                "för gemensam behovsanalys. Det digitala arvet – gamla system, otydligt ägarskap och "
                "splittrade informationsflöden – förändras långsammare. Det är väntat: arvet byggs om i "
                "takt med att avtal och system byts ut.</p>"
            ),
            P(
                "<p>Den som vill jämföra sin organisation med andra hittar resultaten under "
                "<i>Mognad</i> i menyn, för den som har behörighet.</p>"
            ),
        ],
        "comments": [
            (
                "analytiker",
                "Observera att jämförelser med nationella snitt bara är meningsfulla för samma år och urval.",
            ),
            ("redaktor.slk", "Tack Anton, vi lägger till en not om det i rapporten."),
        ],
    },
    {
        "organisation": "Stadsledningskontoret",
        "slug": "leda-nar-allt-forandras",
        "title": "Att leda när allt förändras samtidigt",
        "intro": (
            "Chefer i staden vittnar om förändringströtthet. Vi har samlat några lärdomar från ett år med "
            "ledarskapsnätverket för digital omställning."
        ),
        "date": "2026-03-17",
        "authors": ["johanna-berglund"],
        "tags": ["ledarskap", "förändring"],
        "focus": [KOMPETENS],
        "staff_only": True,
        "body": [
            P("<p>Inlägget är skrivet för chefer och medarbetare i staden och visas bara för inloggade.</p>"),
            H("Tre saker som gör skillnad"),
            P(
                "<ol><li>Börja i verksamhetens problem, inte i verktyget.</li>"
                "<li>Ge medarbetarna tid att lära – ett nytt system tar inte bort arbete första månaden.</li>"
                "<li>Säg högt vad som ska sluta göras när något nytt börjar.</li></ol>"
            ),
            Q(
                "Det svåraste var inte tekniken. Det var att sluta med det gamla arbetssättet parallellt.",
                "Enhetschef i nätverket",
            ),
            P(
                "<p>Nätverket träffas varannan månad. Anmäl intresse till din HR-partner om du vill vara "
                "med nästa termin.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Punkt tre borde stå på varje projektplan."),
            (
                "redaktor.slk",
                "Vi har fått frågor om nätverket – nästa omgång startar i september.",
            ),
        ],
    },
    # --- Intraservice ---------------------------------------------------------------------------------------
    {
        "organisation": "Intraservice",
        "slug": "e-arkivet-ett-ar-senare",
        "title": "E-arkivet ett år senare: från pappersberg till sökbar historia",
        "intro": (
            "Ett år efter att stadens gemensamma e-arkiv togs i drift har tolv förvaltningar anslutit. "
            "Vi berättar vad som gick bra och vad vi gör annorlunda framöver."
        ),
        "date": "2025-02-12",
        "authors": ["nora-nilsson"],
        "tags": ["e-arkiv", "informationshantering"],
        "focus": [DATA],
        "hero": (
            "blocks",
            "Abstrakt illustration med rader av rektanglar i blått och ljusgrått, som arkivlådor "
            "som övergår i digitala block.",
        ),
        "body": [
            H("Varför ett gemensamt e-arkiv?"),
            P(
                "<p>Varje verksamhetssystem som avvecklas lämnar information efter sig som ska bevaras. "
                "Tidigare löstes det genom att systemen fick leva kvar, ofta i åratal och till höga kostnader. "
                "Med ett gemensamt e-arkiv kan informationen flyttas ut och systemet stängas.</p>"
            ),
            H("Det här lärde vi oss"),
            P(
                "<ul><li>Börja med informationsredovisningen – utan den vet ingen vad som ska arkiveras.</li>"
                "<li>Leveranser från nya system går snabbt. Gamla system med egna format tar tid.</li>"
                "<li>Arkivarier och systemförvaltare måste sitta i samma rum, åtminstone i början.</li></ul>"
            ),
            P(
                "<p>Nästa steg är att göra arkivet sökbart för fler handläggare, med behörigheter som följer "
                "informationens sekretess.</p>"
            ),
        ],
        "comments": [
            ("redaktor.intraservice", "Bra skrivet, Nora! Många har frågat hur anslutningen går till."),
            (
                "skribent.slk",
                "Vi på stadsledningskontoret står på tur i vår. Finns det en checklista för förberedelserna?",
            ),
            ("skribent.intraservice", "Ja, den ligger i materialbiblioteket under E-arkiv. Hör av dig!"),
            (
                "medarbetare",
                "Ring mig på 070-123 45 67 så berättar jag hur vi gjorde med arkivet på min förra arbetsplats.",
                {"hidden_by": "redaktor.intraservice"},
            ),
        ],
    },
    {
        "organisation": "Intraservice",
        "slug": "automatiseringsfabriken-100-robotar",
        "title": "Automatiseringsfabriken har passerat 100 robotar",
        "intro": (
            "Programvarurobotar sköter nu över hundra regelstyrda flöden i staden. Men den största vinsten "
            "kom från att rita om processerna innan något automatiserades."
        ),
        "date": "2025-05-20",
        "authors": ["nora-nilsson", "mikael-holm"],
        "tags": ["automatisering", "RPA"],
        "focus": [VERKSAMHET],
        "hero": (
            "grid",
            "Abstrakt illustration av ett rutnät av små blå kvadrater där några lyser gult, "
            "som automatiserade steg i ett flöde.",
        ),
        "body": [
            P(
                "<p>Automatiseringsfabriken startade som ett försök med tre robotar för fakturahantering. "
                "I dag har vi passerat hundra flöden, från lönejusteringar till registrering av "
                "ansökningar.</p>"
            ),
            T(
                "Automatiserade flöden och sparad tid per område, 2025",
                [
                    ["Område", "Antal flöden", "Sparade timmar per månad"],
                    ["Ekonomi", "38", "1 450"],
                    ["HR och lön", "27", "960"],
                    ["Ärendehantering", "22", "780"],
                    ["Övrigt", "15", "310"],
                ],
            ),
            H("Processen först, roboten sedan"),
            P(
                "<p>I en tredjedel av fallen visade det sig att flödet kunde förenklas så mycket att en "
                "robot inte behövdes alls. Därför börjar varje beställning med en processkartläggning "
                "tillsammans med verksamheten.</p>"
            ),
            Q(
                "En robot som automatiserar ett krångligt arbetssätt ger dig bara ett snabbare krångel.",
                "Mikael Holm, IT-arkitekt",
            ),
        ],
        "comments": [
            ("medarbetare", "Vilka flöden inom HR gäller det? Vi har mycket manuellt kvar hos oss."),
            (
                "skribent.intraservice",
                "Bland annat semesterlöneberäkning och registrering av tillfälliga tillägg. Hör av dig så "
                "bokar vi en kartläggning!",
            ),
            ("redaktor.slk", "Fint exempel på effektiv och innovativ verksamhet."),
        ],
    },
    {
        "organisation": "Intraservice",
        "slug": "digitala-moten-som-fungerar",
        "title": "Digitala möten som fungerar – för alla",
        "intro": (
            "Hybridmöten är här för att stanna. Vi har sammanställt råd för möten där alla kan delta på "
            "lika villkor, oavsett var de sitter."
        ),
        "date": "2025-09-03",
        "authors": ["mikael-holm"],
        "tags": ["digitala möten", "tillgänglighet", "arbetsmiljö"],
        "focus": [KOMPETENS],
        "body": [
            H("Förbered mötet"),
            P(
                "<p>Skicka dagordning och material i förväg, i ett tillgängligt format. Den som använder "
                "skärmläsare eller har svårt att uppfatta tal får då en chans att förbereda sig.</p>"
            ),
            H("Under mötet"),
            P(
                "<ul><li>Slå på textning i mötesverktyget.</li>"
                "<li>Låt de som deltar på distans tala först vid varje punkt.</li>"
                "<li>Beskriv muntligt det som visas på skärmen.</li></ul>"
            ),
            P(
                "<p>I mötesrummen som uppgraderats under året finns kameror som följer den som talar och "
                "mikrofoner i taket. Boka dem via lokalbokningen.</p>"
            ),
        ],
    },
    {
        "organisation": "Intraservice",
        "slug": "phishingovningen-vad-vi-lardes",
        "title": "Phishingövningen: vad vi lärde oss",
        "intro": (
            "I höstas fick tusentals medarbetare ett falskt mejl. Resultatet från övningen visar att fler "
            "rapporterar misstänkta meddelanden – men också var vi behöver bli bättre."
        ),
        "date": "2025-11-26",
        "authors": ["mikael-holm"],
        "tags": ["informationssäkerhet"],
        "focus": [DATA, KOMPETENS],
        "staff_only": True,
        "body": [
            P("<p>Inlägget beskriver interna säkerhetsrutiner och visas därför bara för inloggade medarbetare.</p>"),
            H("Resultatet i korthet"),
            P(
                "<p>Andelen som klickade på länken sjönk jämfört med förra året, och dubbelt så många "
                "använde knappen för att rapportera mejlet. Samtidigt angav några få sina inloggningsuppgifter "
                "på den falska sidan – det är dem vi behöver nå med mer stöd.</p>"
            ),
            H("Gör så här om du är osäker"),
            P(
                "<p>Rapportera mejlet med knappen i Outlook och radera det. Har du redan klickat eller "
                "skrivit in ditt lösenord: ring IT-servicedesk direkt. Det är aldrig fel att fråga.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Jag gick på den förra året, men inte i år. Utbildningen hjälpte!"),
            ("analytiker", "Kan vi få siffrorna per förvaltning till nästa mognadsrapport?"),
        ],
    },
    # --- Förskoleförvaltningen -----------------------------------------------------------------------------
    {
        "organisation": "Förskoleförvaltningen",
        "slug": "programmering-i-sandladan",
        "title": "Programmering i sandlådan",
        "intro": (
            "Hur lär man treåringar om algoritmer? På flera förskolor i staden har små golvrobotar blivit "
            "en naturlig del av leken."
        ),
        "date": "2025-03-11",
        "authors": ["elin-sjoberg"],
        "tags": ["förskola", "digital kompetens"],
        "focus": [KOMPETENS],
        "hero": (
            "path",
            "Abstrakt illustration med mjuka cirklar i ljusblått och mörkblått som bildar en slingrande "
            "stig, som en golvrobots väg över en lekmatta.",
        ),
        "body": [
            P(
                "<p>Läroplanen säger att barnen ska få utveckla adekvat digital kompetens. För oss handlar "
                "det mindre om skärmar och mer om att förstå att någon har bestämt vad tekniken ska göra.</p>"
            ),
            H("Så gör vi"),
            P(
                "<p>Barnen bygger banor av kartong och programmerar en liten robot att ta sig från start "
                "till mål med pilknappar. När roboten kör fel får gruppen felsöka tillsammans. Det är "
                "matematik, språk och samarbete på samma gång.</p>"
            ),
            Q("Den ska svänga nu! Nej, vi glömde en pil.", "Fyraåring på förskolan Solrosen"),
            P("<p>Vill din förskola låna en robotlåda? Kontakta förvaltningens IKT-pedagoger.</p>"),
        ],
        "comments": [
            ("medarbetare", "Underbart! Mina barn pratar fortfarande om roboten hemma."),
            ("skribent.slk", "Ett fint exempel på digital kompetens redan från start."),
        ],
    },
    {
        "organisation": "Förskoleförvaltningen",
        "slug": "ny-e-tjanst-for-forskoleplats",
        "title": "Ny e-tjänst gör det enklare att söka förskoleplats",
        "intro": (
            "Vårdnadshavare kan nu söka, tacka ja till och säga upp förskoleplats i samma e-tjänst, även "
            "från mobilen och på flera språk."
        ),
        "date": "2025-06-16",
        "authors": ["elin-sjoberg"],
        "tags": ["e-tjänster", "förskola", "tillgänglighet"],
        "focus": [TJANSTER],
        "body": [
            H("Från tre blanketter till ett flöde"),
            P(
                "<p>Tidigare krävdes en blankett för ansökan, ett mejl för att tacka ja och ett samtal för "
                "att säga upp platsen. Nu finns allt i en e-tjänst med e-legitimation, och handläggarna "
                "slipper skriva av uppgifter för hand.</p>"
            ),
            H("Testad med vårdnadshavare"),
            P(
                "<p>Under utvecklingen testade vi tjänsten med vårdnadshavare i Angered och Västra Hisingen, "
                "bland annat personer med annat modersmål än svenska. Flera av deras förslag finns med i "
                "den färdiga tjänsten, som att kunna spara en halvfärdig ansökan.</p>"
            ),
            P("<p>Tjänsten uppfyller kraven i lagen om tillgänglighet till digital offentlig service.</p>"),
        ],
    },
    {
        "organisation": "Förskoleförvaltningen",
        "slug": "digital-kompetens-for-hela-arbetslaget",
        "title": "Digital kompetens för hela arbetslaget",
        "intro": (
            "När lärplattorna kom ut på förskolorna fick personalen en kort introduktion. Det räckte inte. "
            "Nu satsar vi på lärande i arbetslaget i stället."
        ),
        "date": "2026-02-05",
        "authors": ["elin-sjoberg"],
        "tags": ["kompetens", "förskola"],
        "focus": [KOMPETENS],
        "body": [
            P(
                "<p>Varje arbetslag har utsett en digital förebild som får två timmar i månaden till att "
                "prova nytt och visa kollegorna. Förebilderna träffas i ett nätverk och delar övningar som "
                "fungerat.</p>"
            ),
            H("Små steg varje vecka"),
            P(
                "<p>I stället för heldagsutbildningar har vi korta moment på arbetsplatsträffarna: hur man "
                "dokumenterar med bild utan att dela barnens ansikten, hur man använder en projektor i "
                "samlingen, hur man väljer appar som stödjer leken.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Digitala förebilder låter som något vi borde testa i hemtjänsten också."),
        ],
    },
    # --- Grundskoleförvaltningen ---------------------------------------------------------------------------
    {
        "organisation": "Grundskoleförvaltningen",
        "slug": "ai-i-klassrummet-riktlinjer",
        "title": "AI i klassrummet: våra riktlinjer för lärare",
        "intro": (
            "Generativ AI är redan i elevernas fickor. Grundskoleförvaltningen har tagit fram riktlinjer "
            "för hur lärare kan använda tekniken – och när de inte ska göra det."
        ),
        "date": "2025-04-09",
        "authors": ["ahmed-karimi"],
        "tags": ["AI", "skola"],
        "focus": [KOMPETENS, VERKSAMHET],
        "hero": (
            "speech",
            "Abstrakt illustration med ett rutmönster av prickar i blått där linjer bildar en stiliserad "
            "pratbubbla, som en AI-assistent i ett klassrum.",
        ),
        "body": [
            H("Det här får du göra"),
            P(
                "<p>Lärare kan använda stadens godkända AI-tjänst för att planera lektioner, skapa "
                "övningsuppgifter på olika nivåer och få förslag på återkoppling. Elevernas namn och "
                "personuppgifter ska aldrig skrivas in.</p>"
            ),
            H("Det här gör du inte"),
            P(
                "<p>AI får inte användas för att sätta betyg eller bedöma enskilda elevers prestationer. "
                "Ansvaret för bedömningen ligger alltid hos läraren.</p>"
            ),
            Q(
                "Vi vill att eleverna lär sig använda AI kritiskt, och då måste lärarna få pröva först.",
                "Ahmed Karimi, IT-pedagog",
            ),
        ],
        "comments": [
            ("medarbetare", "Finns det exempel på lektionsupplägg att utgå från?"),
            ("redaktor", "Vi planerar ett webbinarium om AI i skolan på nästa mötesplats."),
            (
                "skribent.slk",
                "Riktlinjerna ligger i linje med stadens övergripande vägledning för generativ AI.",
            ),
        ],
    },
    {
        "organisation": "Grundskoleförvaltningen",
        "slug": "kallkritik-pa-schemat",
        "title": "Källkritik på schemat från årskurs fyra",
        "intro": (
            "Deepfakes och AI-genererade texter gör källkritik viktigare än någonsin. Nu får alla elever "
            "från årskurs fyra ett gemensamt undervisningsmaterial."
        ),
        "date": "2025-08-27",
        "authors": ["ahmed-karimi"],
        "tags": ["skola", "källkritik", "AI"],
        "focus": [KOMPETENS],
        "body": [
            P(
                "<p>Materialet består av åtta lektioner som lärare kan använda i svenska, samhällskunskap "
                "eller teknik. Eleverna får granska nyhetsbilder, jämföra källor och själva prova att "
                "skapa en manipulerad bild – för att förstå hur lätt det är.</p>"
            ),
            H("Skolbibliotekarierna en nyckel"),
            P(
                "<p>Skolbibliotekarierna har varit med och tagit fram materialet och leder flera av "
                "lektionerna. De har också byggt upp en bank av aktuella exempel som uppdateras varje "
                "termin.</p>"
            ),
        ],
    },
    {
        "organisation": "Grundskoleförvaltningen",
        "slug": "en-inloggning-for-alla-elever",
        "title": "En inloggning för alla elever",
        "intro": (
            "Eleverna hade upp till elva olika inloggningar. Med gemensam identitetshantering räcker nu en, "
            "och lärarna vinner tid i början av varje lektion."
        ),
        "date": "2026-05-12",
        "authors": ["ahmed-karimi"],
        "tags": ["e-tjänster", "skola", "identitet"],
        "focus": [DATA, TJANSTER],
        "body": [
            P(
                "<p>En lärare i årskurs två räknade ut att klassen förlorade tio minuter per dag på "
                "bortglömda lösenord. Det var startskottet för att samla lärplattformar och läromedel "
                "bakom en gemensam inloggning.</p>"
            ),
            H("Yngre elever loggar in med QR-kod"),
            P(
                "<p>De yngsta eleverna loggar in med en personlig QR-kod. Från årskurs fyra används "
                "lösenord, och från årskurs sju tvåfaktorsinloggning.</p>"
            ),
            P("<p>Intraservice har stöttat med integrationerna mot stadens katalogtjänst.</p>"),
        ],
    },
    # --- Äldre samt vård- och omsorgsförvaltningen ----------------------------------------------------------
    {
        "organisation": "Äldre samt vård- och omsorgsförvaltningen",
        "slug": "nattillsyn-med-kamera",
        "title": "Nattillsyn med kamera ger lugnare nätter",
        "intro": (
            "Att bli väckt av ett besök mitt i natten kan förstöra en hel dags ork. Med digital nattillsyn "
            "kan hemtjänsten se att allt är bra utan att störa."
        ),
        "date": "2025-01-28",
        "authors": ["birgitta-lund"],
        "tags": ["välfärdsteknik", "äldreomsorg"],
        "focus": [TJANSTER, VERKSAMHET],
        "hero": (
            "night",
            "Abstrakt illustration av mjuka vågor i mörkblått och ljusblått under en liten gul måne, "
            "som en stilla natt.",
        ),
        "body": [
            P(
                "<p>Med samtycke från den enskilde installeras en kamera som bara aktiveras vid de "
                "överenskomna tillsynstillfällena. Personalen tittar in i några sekunder, och ingen bild "
                "sparas.</p>"
            ),
            Q(
                "Förut vaknade jag varje gång de kom. Nu sover jag hela natten.",
                "Brukare i hemtjänsten, 87 år",
            ),
            H("Tid till dem som behöver besök"),
            P(
                "<p>Nattpatrullerna kör kortare sträckor och kan lägga mer tid på de besök som kräver "
                "att någon är på plats. Kameran ersätter aldrig ett besök som den enskilde vill ha.</p>"
            ),
            P("<p>Över 400 personer har i dag digital nattillsyn i staden.</p>"),
        ],
        "comments": [
            ("medarbetare", "Min pappa har det här och är jättenöjd. Tack!"),
            (
                "skribent.intraservice",
                "Hur hanterar ni samtycket när den enskilde får nedsatt beslutsförmåga över tid?",
            ),
            (
                "redaktor",
                "Bra fråga. Kanske något för ett eget inlägg? Vi lyfter gärna fram det på startsidan.",
            ),
        ],
    },
    {
        "organisation": "Äldre samt vård- och omsorgsförvaltningen",
        "slug": "lakemedelsrobot-i-hemmet",
        "title": "Läkemedelsrobot i hemmet – ett år med försöket",
        "intro": (
            "En liten automat som delar ut rätt tabletter vid rätt tid har gett flera äldre större "
            "självständighet. Vi delar resultat och lärdomar från försöket."
        ),
        "date": "2025-07-02",
        "authors": ["birgitta-lund"],
        "tags": ["välfärdsteknik", "äldreomsorg", "innovation"],
        "focus": [VERKSAMHET],
        "body": [
            P(
                "<p>Läkemedelsroboten piper när det är dags och ger ut en påse med dosen. Om ingen tar "
                "den larmar roboten hemtjänsten. Femtio personer deltog i försöket.</p>"
            ),
            H("Resultat"),
            P(
                "<ul><li>Antalet missade doser minskade kraftigt.</li>"
                "<li>Hemtjänsten kunde ta bort i genomsnitt två besök per dag och person.</li>"
                "<li>Några deltagare tyckte att ljudsignalen stressade – den går nu att ställa in.</li></ul>"
            ),
            P("<p>Försöket blir nu ordinarie verksamhet i hela staden.</p>"),
        ],
    },
    {
        "organisation": "Äldre samt vård- och omsorgsförvaltningen",
        "slug": "videosamtal-mot-ensamhet",
        "title": "Videosamtal mot ensamhet på äldreboendet",
        "intro": (
            "Surfplattor med förenklat gränssnitt gör det lättare för boende att träffa barnbarn och vänner. "
            "Personalen har fått en ny roll som digitala värdar."
        ),
        "date": "2026-01-14",
        "authors": ["birgitta-lund"],
        "tags": ["välfärdsteknik", "digitala möten", "äldreomsorg"],
        "focus": [TJANSTER, KOMPETENS],
        "body": [
            H("Enkelt är svårt"),
            P(
                "<p>Vi provade först vanliga surfplattor, men för många knappar och uppdateringar gjorde "
                "dem svåra att använda. Nu har plattorna en enda startsida med foton på de personer den "
                "boende vill ringa.</p>"
            ),
            P(
                "<p>På varje avdelning finns en digital värd som hjälper till att boka samtal och tar hand "
                "om tekniken. Värdarna har gått en kort utbildning tillsammans med Intraservice.</p>"
            ),
            Q("Jag har sett mitt barnbarnsbarn tre gånger i månaden.", "Boende på Gibraltargatan"),
        ],
    },
    # --- Socialförvaltningen Nordost -----------------------------------------------------------------------
    {
        "organisation": "Socialförvaltningen Nordost",
        "slug": "ai-assistent-i-handlaggningen",
        "title": "AI-assistent i handläggningen – så prövar vi försiktigt",
        "intro": (
            "Kan en AI-assistent hjälpa socialsekreterare att sammanfatta långa utredningar? Vi har "
            "genomfört ett avgränsat försök med testdata och tydliga regler."
        ),
        "date": "2025-10-21",
        "authors": ["leila-haddad"],
        "tags": ["AI", "handläggning", "rättssäkerhet"],
        "focus": [VERKSAMHET],
        "staff_only": True,
        "body": [
            P("<p>Inlägget beskriver ett internt försök och visas bara för inloggade medarbetare.</p>"),
            H("Upplägget"),
            P(
                "<p>Försöket gjordes i en sluten miljö med fiktiva ärenden. Assistenten fick sammanfatta "
                "utredningstexter och föreslå vilka uppgifter som saknades. Socialsekreterarna jämförde "
                "förslagen med sina egna bedömningar.</p>"
            ),
            H("Vad vi såg"),
            P(
                "<p>Sammanfattningarna sparade tid, men assistenten missade ibland nyanser som var "
                "avgörande för bedömningen. Slutsatsen är att AI kan vara ett stöd för struktur, aldrig "
                "ett underlag för beslut.</p>"
            ),
            Q(
                "Den som fattar beslutet måste kunna förklara det. Det kan man inte lämna över till en modell.",
                "Leila Haddad, utvecklingsledare",
            ),
        ],
        "comments": [
            ("skribent.slk", "Viktigt att ni delar både möjligheter och begränsningar. Tack!"),
            ("medarbetare", "Hur har fackliga företrädare varit involverade?"),
            ("analytiker", "Skulle gärna se en uppföljning när ni gått vidare till nästa fas."),
        ],
    },
    {
        "organisation": "Socialförvaltningen Nordost",
        "slug": "automatiserad-kontroll-ekonomiskt-bistand",
        "title": "Automatiserade kontroller frigör tid i ekonomiskt bistånd",
        "intro": (
            "Varje månad gör handläggare hundratals kontroller mot andra myndigheter. En programvarurobot "
            "hämtar nu uppgifterna, och handläggarna får tid för samtal."
        ),
        "date": "2024-12-18",
        "authors": ["leila-haddad"],
        "tags": ["automatisering", "RPA", "handläggning"],
        "focus": [VERKSAMHET],
        "body": [
            P(
                "<p>Roboten hämtar uppgifter från de system vi har avtal med och lägger in dem i ärendet. "
                "Beslutet fattas som förut av handläggaren, som nu börjar med ett komplett underlag.</p>"
            ),
            H("Mer tid för människor"),
            P(
                "<p>Den tid som frigjorts används till fler uppföljande samtal och till att stötta "
                "personer som står nära arbetsmarknaden. Det är där vi gör störst skillnad.</p>"
            ),
        ],
    },
    # --- Förvaltningen för inköp och upphandling -----------------------------------------------------------
    {
        "organisation": "Förvaltningen för inköp och upphandling",
        "slug": "innovationsupphandling-utan-facit",
        "title": "Innovationsupphandling: att köpa något som inte finns än",
        "intro": (
            "Vad gör man när marknaden inte har lösningen? Vi beskriver hur vi upphandlade utveckling av "
            "ett nytt stöd för hemtjänstens planering."
        ),
        "date": "2025-03-25",
        "authors": ["per-andersson"],
        "tags": ["upphandling", "innovation"],
        "focus": [VERKSAMHET],
        "hero": (
            "blocks",
            "Abstrakt illustration med rader av blå och ljusgrå rektanglar i olika bredd, "
            "som byggstenar som passas ihop till en helhet.",
        ),
        "body": [
            H("Beskriv behovet, inte lösningen"),
            P(
                "<p>I stället för en kravlista med funktioner beskrev vi problemet: planeringen tog för "
                "lång tid och ändrades ofta under dagen. Leverantörerna fick själva föreslå hur det kunde "
                "lösas.</p>"
            ),
            H("Dialog före annonsering"),
            P(
                "<p>Vi bjöd in till en öppen dialog där elva företag deltog. Flera av dem ändrade sina "
                "idéer efter att ha träffat personal från hemtjänsten. Det gjorde förfrågningsunderlaget "
                "mycket bättre.</p>"
            ),
            Q(
                "Det är lätt att upphandla det man redan har. Det svåra är att beskriva det man behöver.",
                "Per Andersson, strategisk upphandlare",
            ),
        ],
        "comments": [
            ("skribent.slk", "Det här borde alla som skriver kravspecifikationer läsa."),
            ("medarbetare", "Hur lång tid tog dialogfasen?"),
            ("redaktor", "Per berättar mer om detta på mötesplatsen i oktober."),
        ],
    },
    {
        "organisation": "Förvaltningen för inköp och upphandling",
        "slug": "krav-pa-tillganglighet-i-it-upphandlingar",
        "title": "Så ställer du krav på tillgänglighet i IT-upphandlingar",
        "intro": (
            "När staden köper ett nytt system ska det kunna användas av alla, medarbetare som invånare. "
            "Här är våra råd för kravställning och uppföljning."
        ),
        "date": "2025-12-03",
        "authors": ["per-andersson"],
        "tags": ["upphandling", "tillgänglighet"],
        "focus": [TJANSTER],
        "body": [
            P(
                "<p>Utgå från standarden EN 301 549 och välj de krav som gäller för det ni köper. Att "
                "bara skriva att systemet ska vara tillgängligt räcker inte – det går inte att följa "
                "upp.</p>"
            ),
            H("Testa innan ni tecknar avtal"),
            P(
                "<p>Be leverantören visa systemet med skärmläsare och enbart tangentbord. Låt gärna "
                "medarbetare med egen erfarenhet av funktionsnedsättning delta i testet.</p>"
            ),
            H("Följ upp under avtalstiden"),
            P(
                "<p>Skriv in i avtalet att nya versioner ska uppfylla kraven och att brister ska åtgärdas "
                "inom en bestämd tid.</p>"
            ),
        ],
    },
    {
        "organisation": "Förvaltningen för inköp och upphandling",
        "slug": "behovsanalys-i-fem-steg",
        "title": "Behovsanalys i fem steg innan du köper ett system",
        "intro": (
            "De flesta misslyckade IT-inköp har samma orsak: behovet var oklart. Vi har tagit fram en metod "
            "som hjälper verksamheten att formulera det."
        ),
        "date": "2026-06-09",
        "authors": ["per-andersson"],
        "tags": ["upphandling", "behovsanalys"],
        "focus": [VERKSAMHET, KOMPETENS],
        "body": [
            H("Metoden i korthet"),
            P(
                "<ol><li>Beskriv dagens arbetssätt och dess problem.</li>"
                "<li>Intervjua dem som gör arbetet, inte bara chefen.</li>"
                "<li>Undersök om någon annan i staden redan har löst samma sak.</li>"
                "<li>Formulera vilken nytta som ska uppnås och hur den mäts.</li>"
                "<li>Bestäm vem som äger förvaltningen efter införandet.</li></ol>"
            ),
            P(
                "<p>Steg tre är lättare nu när förvaltningar och bolag delar sina erfarenheter här på "
                "Kunskapsarenan.</p>"
            ),
        ],
    },
    # --- Förvaltningen för demokrati och medborgarservice --------------------------------------------------
    {
        "organisation": "Förvaltningen för demokrati och medborgarservice",
        "slug": "oppna-data-som-anvands",
        "title": "Öppna data som faktiskt används",
        "intro": (
            "Att publicera data är första steget. Att den kommer till nytta är nästa. Vi har pratat med "
            "dem som använder stadens öppna data för att förstå vad de behöver."
        ),
        "date": "2025-02-26",
        "authors": ["fredrik-lindgren"],
        "tags": ["öppna data", "innovation"],
        "focus": [DATA],
        "hero": (
            "grid",
            "Abstrakt illustration av ett rutnät av kvadrater i olika blå nyanser där några lyser gult, "
            "som datapunkter som tänds över staden.",
        ),
        "body": [
            P(
                "<p>Staden publicerar i dag hundratals dataset, från luftkvalitet till lediga "
                "förskoleplatser. Men när vi frågade användarna visade det sig att de oftast efterfrågade "
                "ett tiotal av dem – och att de ville ha dem uppdaterade oftare.</p>"
            ),
            H("Det här ändrar vi"),
            P(
                "<ul><li>De mest använda dataseten uppdateras automatiskt varje natt.</li>"
                "<li>Varje dataset får en ansvarig kontaktperson.</li>"
                "<li>Vi beskriver fälten på svenska och engelska.</li></ul>"
            ),
            Q(
                "Vi byggde vår app på stadens data om laddplatser. När den slutade uppdateras fick vi "
                "hundra mejl på en dag.",
                "Utvecklare på ett göteborgsföretag",
            ),
        ],
        "comments": [
            ("analytiker", "Går det att få statistik över vilka dataset som laddas ner mest?"),
            ("skribent.intraservice", "Automatiska uppdateringar – där hjälper vi gärna till med flödena."),
        ],
    },
    {
        "organisation": "Förvaltningen för demokrati och medborgarservice",
        "slug": "chattstod-pa-kontaktcenter",
        "title": "Chattstödet på kontaktcenter svarar dygnet runt",
        "intro": (
            "Många frågor till stadens kontaktcenter handlar om samma saker. Ett chattstöd svarar nu på "
            "de enkla frågorna, så att handläggarna kan ägna sig åt de svåra."
        ),
        "date": "2025-08-19",
        "authors": ["fredrik-lindgren"],
        "tags": ["AI", "e-tjänster", "kontaktcenter"],
        "focus": [TJANSTER],
        "body": [
            P(
                "<p>Chattstödet bygger på stadens egna texter på goteborg.se och svarar bara utifrån dem. "
                "Om frågan är personlig eller oklar lämnar det över till en handläggare under kontorstid.</p>"
            ),
            H("Tydligt att det är en maskin"),
            P(
                "<p>Den som chattar får veta direkt att svaret kommer från ett automatiskt stöd, och kan "
                "när som helst be om att få prata med en människa.</p>"
            ),
            P(
                "<p>Efter ett halvår besvaras ungefär en tredjedel av frågorna utan att en handläggare "
                "behöver gå in.</p>"
            ),
        ],
    },
    {
        "organisation": "Förvaltningen för demokrati och medborgarservice",
        "slug": "digital-medborgardialog-i-tre-stadsdelar",
        "title": "Digital medborgardialog i tre stadsdelar",
        "intro": (
            "En digital plattform för förslag och omröstningar har fått nya grupper att tycka till om "
            "sina stadsdelar. Men dialogen behöver fortfarande mötas på plats."
        ),
        "date": "2026-09-15",
        "authors": ["fredrik-lindgren"],
        "tags": ["medborgardialog", "demokrati", "e-tjänster"],
        "focus": [TJANSTER],
        "body": [
            P(
                "<p>I Kortedala, Tynnered och Backa kunde boende lämna förslag på hur parker och "
                "mötesplatser ska utvecklas och rösta på varandras idéer. Över 3 000 personer deltog.</p>"
            ),
            H("Digitalt och analogt tillsammans"),
            P(
                "<p>Vi stod också på torget med surfplattor och papper. Ungefär var fjärde förslag kom "
                "in den vägen, ofta från äldre och från personer som inte skulle ha hittat plattformen "
                "själva.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Bra att ni inte bara litar på det digitala. Så når man fler."),
            (
                "skribent.slk",
                "Vilken plattform använde ni? Flera förvaltningar har frågat efter något liknande.",
            ),
        ],
    },
    # --- Higab AB -------------------------------------------------------------------------------------------
    {
        "organisation": "Higab AB",
        "slug": "sensorer-i-kulturhistoriska-byggnader",
        "title": "Sensorer skyddar kulturhistoriska byggnader",
        "intro": (
            "Fukt och temperatur är kulturarvets fiender. Trådlösa sensorer i våra äldsta byggnader larmar "
            "innan skadan uppstår."
        ),
        "date": "2025-04-23",
        "authors": ["karin-wallin"],
        "tags": ["sensorer", "fastigheter", "smarta fastigheter"],
        "focus": [DATA, VERKSAMHET],
        "hero": (
            "ripples",
            "Abstrakt illustration av koncentriska blå cirklar som sprider sig från små punkter, "
            "som trådlösa sensorer som sänder signaler.",
        ),
        "body": [
            P(
                "<p>I flera av Higabs byggnader från 1600- och 1700-talen finns nu små batteridrivna "
                "sensorer som mäter fukt, temperatur och rörelser i konstruktionen. Datan samlas i en "
                "gemensam plattform som förvaltarna ser i mobilen.</p>"
            ),
            H("Larm före skada"),
            P(
                "<p>När fuktnivån stiger i ett bjälklag får förvaltaren ett larm. Förra vintern "
                "upptäcktes två läckor på det sättet innan de hann göra skada på måleri och trä.</p>"
            ),
            P(
                "<p>Sensorerna sätts upp utan att borra i de kulturhistoriska ytorna, i samråd med "
                "antikvarisk expertis.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Vilket nätverk använder sensorerna? LoRaWAN?"),
            (
                "skribent.intraservice",
                "Stadens gemensamma sensornätverk kan användas av fler bolag – hör gärna av er!",
            ),
        ],
    },
    {
        "organisation": "Higab AB",
        "slug": "digital-tvilling-av-ett-kulturhus",
        "title": "Vi har byggt en digital tvilling av ett kulturhus",
        "intro": (
            "En 3D-modell med data om varje rum och installation gör det lättare att planera underhåll "
            "och evenemang. Så gick det till."
        ),
        "date": "2026-04-02",
        "authors": ["karin-wallin"],
        "tags": ["digital tvilling", "fastigheter"],
        "focus": [DATA],
        "body": [
            P(
                "<p>Huset laserskannades under två nätter och modellen kopplades sedan till "
                "fastighetssystemet och till sensorerna i byggnaden. Resultatet är en modell där man kan "
                "klicka på ett ventilationsaggregat och se dess historik.</p>"
            ),
            H("Nytta för fler än förvaltarna"),
            P(
                "<p>Hyresgästerna använder modellen för att planera scenografi och publikflöden, och "
                "räddningstjänsten har fått tillgång till ritningar över utrymningsvägar.</p>"
            ),
            Q(
                "Modellen är inte målet. Målet är bättre beslut om huset, och det har vi fått.",
                "Karin Wallin, digitaliseringsansvarig",
            ),
        ],
    },
    # --- Bostadsbolaget -------------------------------------------------------------------------------------
    {
        "organisation": "Bostadsbolaget",
        "slug": "smarta-matare-sankte-energin",
        "title": "Smarta mätare sänkte energianvändningen med tolv procent",
        "intro": (
            "Genom att mäta temperatur i lägenheterna och styra värmen efter verkligt behov har vi minskat "
            "energianvändningen – utan att någon fryser."
        ),
        "date": "2025-11-11",
        "authors": ["daniel-persson"],
        "tags": ["sensorer", "energi", "smarta fastigheter"],
        "focus": [DATA, VERKSAMHET],
        "hero": (
            "waves",
            "Abstrakt illustration av blå vågor som planar ut mot höger, som en energikurva som jämnas ut och sjunker.",
        ),
        "body": [
            P(
                "<p>I 1 800 lägenheter sitter nu små sensorer som mäter inomhustemperaturen. Styrsystemet "
                "använder mätningarna och väderprognosen för att justera värmen i varje hus.</p>"
            ),
            H("Hyresgästerna märker skillnad"),
            P(
                "<p>Antalet felanmälningar om kyla har minskat, eftersom problem upptäcks innan "
                "hyresgästen hinner märka dem. Energianvändningen sjönk med tolv procent första året.</p>"
            ),
            P(
                "<p>Sensorerna mäter bara temperatur och luftfuktighet, aldrig närvaro. Det har vi varit "
                "tydliga med i informationen till hyresgästerna.</p>"
            ),
        ],
        "comments": [
            ("medarbetare", "Imponerande siffror! Gäller det även de äldre husen i beståndet?"),
            (
                "skribent.slk",
                "Vore intressant att jämföra med Higabs erfarenheter. Kanske ett gemensamt inlägg?",
            ),
            (
                "skribent.intraservice",
                "Är det här inte mest ett sätt att spara pengar på hyresgästernas bekostnad?",
                {"reported_by": "medarbetare"},
            ),
        ],
    },
    {
        "organisation": "Bostadsbolaget",
        "slug": "digital-tvattstuga-och-felanmalan",
        "title": "Tvättstugan i mobilen – och felanmälan med bild",
        "intro": (
            "Hyresgästerna kan nu boka tvättid, se när maskinen är klar och felanmäla med foto direkt "
            "i en app. Vi berättar hur vi tog fram den tillsammans med dem."
        ),
        "date": "2026-07-07",
        "authors": ["daniel-persson"],
        "tags": ["e-tjänster", "hyresgäster"],
        "focus": [TJANSTER],
        "body": [
            P(
                "<p>Vi bjöd in hyresgäster från tre områden till workshoppar under ett halvår. Deras "
                "högsta önskemål var inte nya funktioner, utan att det som redan fanns skulle fungera i "
                "mobilen.</p>"
            ),
            H("Felanmälan med bild"),
            P(
                "<p>Med en bild på felet kan fastighetsskötaren ta med rätt reservdel redan vid första "
                "besöket. Det har halverat antalet återbesök.</p>"
            ),
            P("<p>Den som inte använder smarta telefoner kan som förut ringa eller boka på tavlan i tvättstugan.</p>"),
        ],
    },
    # --- Göteborg Energi AB ---------------------------------------------------------------------------------
    {
        "organisation": "Göteborg Energi AB",
        "slug": "det-digitala-elnatet",
        "title": "Det digitala elnätet – när varje kabel har en sensor",
        "intro": (
            "Fler elbilar, solceller och värmepumpar ställer nya krav på elnätet. Digitala mätningar i "
            "nätstationerna hjälper oss att se var kapaciteten räcker."
        ),
        "date": "2025-06-04",
        "authors": ["anna-forsberg"],
        "tags": ["energi", "sensorer", "elnät"],
        "focus": [DATA],
        "hero": (
            "network",
            "Abstrakt illustration av blå linjer som förgrenar sig mellan ljusa noder, som ett elnät med mätpunkter.",
        ),
        "body": [
            P(
                "<p>Elnätet byggdes för att el skulle flöda åt ett håll. I dag producerar många kunder "
                "egen el, och laddningen av elbilar skapar nya toppar på kvällarna.</p>"
            ),
            T(
                "Digitaliserade nätstationer i Göteborg Energis elnät",
                [
                    ["År", "Nätstationer med mätning", "Andel av alla stationer"],
                    ["2023", "410", "14 %"],
                    ["2024", "780", "26 %"],
                    ["2025", "1 240", "41 %"],
                ],
            ),
            H("Från gissning till mätning"),
            P(
                "<p>Tidigare beräknades belastningen med schabloner. Nu ser vi den verkliga belastningen "
                "varje kvart, och kan säga ja till fler anslutningar där nätet klarar det.</p>"
            ),
            Q(
                "Data i nätet är det billigaste sättet att få ut mer kapacitet ur de kablar vi redan har.",
                "Anna Forsberg, digitaliseringsstrateg",
            ),
        ],
        "comments": [
            ("medarbetare", "Spännande! Blir någon av den här datan öppen?"),
            (
                "skribent.slk",
                "Bra exempel på hur data och infrastruktur hänger ihop i planen för digitalisering.",
            ),
        ],
    },
    {
        "organisation": "Göteborg Energi AB",
        "slug": "oppna-data-om-laddplatser",
        "title": "Öppna data om laddplatser – nu i realtid",
        "intro": (
            "Var finns en ledig laddplats just nu? Vi publicerar status för våra publika laddplatser som "
            "öppna data, så att appar och navigatorer kan visa den."
        ),
        "date": "2026-10-20",
        "authors": ["anna-forsberg"],
        "tags": ["öppna data", "energi", "elbilar"],
        "focus": [DATA, TJANSTER],
        "body": [
            P(
                "<p>Datan publiceras via ett öppet gränssnitt i ett standardiserat format som används "
                "av många laddappar. Uppdateringen sker varje minut.</p>"
            ),
            H("Samarbete i staden"),
            P(
                "<p>Arbetet har gjorts tillsammans med förvaltningen för demokrati och medborgarservice, "
                "som förvaltar stadens portal för öppna data. Den som vill kan hitta datasetet där.</p>"
            ),
        ],
    },
    # --- Liseberg AB ----------------------------------------------------------------------------------------
    {
        "organisation": "Liseberg AB",
        "slug": "digitala-biljetter-hela-vagen",
        "title": "Digitala biljetter hela vägen in i parken",
        "intro": (
            "Köerna vid entrén har krympt sedan biljetterna flyttade in i mobilen. Men vi har också lärt "
            "oss att alla besökare inte vill eller kan vara digitala."
        ),
        "date": "2025-05-06",
        "authors": ["oskar-nystrom"],
        "tags": ["e-tjänster", "evenemang", "biljetter"],
        "focus": [TJANSTER],
        "hero": (
            "barcode",
            "Abstrakt illustration av blå och gula lodräta band som liknar streckkoder och biljetter "
            "på en mörkblå bakgrund.",
        ),
        "body": [
            P(
                "<p>I dag köps nio av tio biljetter digitalt. Besökaren skannar sin kod vid entrén och "
                "kan sedan använda samma kod för åkband, restaurangbokningar och fotoköp i parken.</p>"
            ),
            H("Alltid ett alternativ"),
            P(
                "<p>Vid entrén finns kassor och personal som hjälper den som inte har en mobil eller "
                "vars batteri tagit slut. Biljetten kan också skrivas ut på papper.</p>"
            ),
            Q(
                "En digital lösning är bara bra om den också fungerar en regnig lördag med fullt i parken.",
                "Oskar Nyström, produktägare",
            ),
        ],
        "comments": [
            ("medarbetare", "Använder ni samma biljettsystem för julmarknaden?"),
            (
                "skribent.intraservice",
                "Intressant hur ni tänkt kring alternativen. Det är lätt att glömma i offentlig sektor också.",
            ),
        ],
    },
    {
        "organisation": "Liseberg AB",
        "slug": "kotider-i-appen",
        "title": "Kötider i appen gör besöket jämnare",
        "intro": (
            "Genom att visa aktuella kötider i appen sprids besökarna över parken. Vi delar hur vi mäter "
            "och vilka effekter vi sett."
        ),
        "date": "2026-08-25",
        "authors": ["oskar-nystrom"],
        "tags": ["data", "evenemang", "app"],
        "focus": [DATA, TJANSTER],
        "body": [
            P(
                "<p>Kötiderna beräknas från hur många som passerar spärrarna och hur snabbt attraktionen "
                "laddar. Ingen enskild besökare spåras.</p>"
            ),
            H("Effekten"),
            P(
                "<p>De längsta köerna har blivit kortare, eftersom fler väljer en attraktion med kort kö "
                "när de ser siffran. Besökarna hinner i genomsnitt en åktur mer per besök.</p>"
            ),
        ],
    },
    # --- Stadsbyggnadsförvaltningen -------------------------------------------------------------------------
    {
        "organisation": "Stadsbyggnadsförvaltningen",
        "slug": "digitala-detaljplaner",
        "title": "Digitala detaljplaner – från pdf till data",
        "intro": (
            "Sedan 2022 ska nya detaljplaner vara digitala. Vi berättar vad det innebär i praktiken och hur "
            "data i planerna förenklar bygglovsprocessen."
        ),
        "date": "2025-09-30",
        "authors": ["maria-eriksson"],
        "tags": ["samhällsbyggnad", "geodata", "öppna data"],
        "focus": [DATA],
        "body": [
            P(
                "<p>En digital detaljplan är inte en inskannad karta. Varje bestämmelse – höjd, "
                "användning, utnyttjandegrad – är data som kan läsas av andra system.</p>"
            ),
            H("Snabbare besked"),
            P(
                "<p>När en bygglovsansökan kommer in kan systemet automatiskt visa vilka bestämmelser "
                "som gäller för fastigheten. Handläggaren slipper leta i gamla planer och sökanden får "
                "snabbare besked.</p>"
            ),
            P("<p>Arbetet med att göra äldre planer digitala pågår och beräknas ta flera år.</p>"),
        ],
    },
    # --- Förvaltningen för arbetsmarknad och vuxenutbildning ------------------------------------------------
    {
        "organisation": "Förvaltningen för arbetsmarknad och vuxenutbildning",
        "slug": "digital-vardag-for-nyanlanda",
        "title": "Digital vardag för nyanlända vuxna",
        "intro": (
            "Bank-id, vårdens e-tjänster och skolans lärplattform: för den som är ny i Sverige kan det "
            "digitala vara en större tröskel än språket."
        ),
        "date": "2026-11-04",
        "authors": ["yasmin-ali"],
        "tags": ["digital kompetens", "vuxenutbildning", "inkludering"],
        "focus": [KOMPETENS, TJANSTER],
        "body": [
            P(
                "<p>Inom svenska för invandrare har vi byggt in digitala vardagsmoment i undervisningen. "
                "Eleverna övar på att boka tid i vården, läsa meddelanden från barnens skola och skydda "
                "sig mot bedrägerier.</p>"
            ),
            H("Lärande på riktigt"),
            P(
                "<p>Övningarna görs med elevernas egna telefoner och riktiga tjänster, så att de känner "
                "igen sig när de ska göra det på egen hand.</p>"
            ),
            Q(
                "Nu kan jag själv se när min sons utvecklingssamtal är. Förut fick grannen hjälpa mig.",
                "Elev på SFI",
            ),
        ],
        "comments": [
            ("medarbetare", "Så viktigt arbete. Finns materialet tillgängligt för andra förvaltningar?"),
            (
                "redaktor.slk",
                "Vi föreslår det här som lärande exempel till nästa mötesplats!",
            ),
        ],
    },
]
