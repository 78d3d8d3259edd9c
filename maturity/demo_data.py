"""Fixed data for the maturity demo (maturity/demo.py): the rounds, the profile the synthetic answers are drawn
from, and the national reference values with their sources from the research note (shared/research/maturity.md §3.1).

Nothing here is a measured Göteborg figure. The city's own result (52 % in 2021, bolag above förvaltningar) is known
only from a seed text, so the demo *aims* at it with synthetic answers and labels every round as demo data.
"""

from pathlib import Path

MODEL_FILE = Path(__file__).with_name("model_files") / "dimios.yaml"

# Changing this changes every synthetic answer (and the dashboards' numbers), so only on purpose.
SEED = "kunskapsarenan-mognad-demo-1"

ROUNDS = [
    {
        "year": 2020,
        "name": "Digital mognad 2020 (demodata)",
        "published": "2020-12-15",
        "notes": (
            "Demodata: syntetiska svar framtagna med en slumpgenerator med fast frö. Inga verkliga svar från "
            "Göteborgs Stads förvaltningar eller bolag. Omgången använder 2021 års organisationslista."
        ),
    },
    {
        "year": 2021,
        "name": "Digital mognad 2021 (demodata)",
        "published": "2021-12-15",
        "notes": (
            "Demodata: syntetiska svar framtagna med en slumpgenerator med fast frö, kalibrerade mot koncernens "
            "uppgivna resultat 2021 (cirka 52 %, bolagen högre än förvaltningarna). Inga verkliga svar."
        ),
    },
]

# Mean organisation level (% of optimal conditions) per year and kind. With the demo's 22 förvaltningar and
# 20 bolag this gives a group-wide mean of about 52 % in 2021 and about 49 % in 2020.
KIND_LEVELS = {
    2020: {"forvaltning": 46.0, "bolag": 52.5},
    2021: {"forvaltning": 49.5, "bolag": 55.0},
}

# The research note (§3, forskning.se 2020) reports that social services and education administrations score
# lowest and service and urban-development administrations higher. The demo tilts those organisations by these
# percentage points before the levels are centred on KIND_LEVELS, so the tilt moves no group mean.
NAME_TILTS = [
    ("social", -5.0),
    ("skole", -4.0),
    ("utbildning", -4.0),
    ("äldre", -4.0),
    ("funktionsstöd", -3.0),
    ("intraservice", 5.0),
    ("stadsledningskontoret", 4.0),
    ("inköp", 4.0),
    ("stadsbyggnad", 3.0),
    ("stadsmiljö", 3.0),
]

# Organisations with fewer respondents than maturity.privacy.MIN_RESPONDENTS, so the dashboards show the
# privacy rule. Both are small companies; if they are missing, the demo picks others deterministically.
SMALL_ORGANISATIONS = ["Boplats Göteborg AB", "Försäkrings AB Göta Lejon"]
SMALL_RESPONDENTS = {2020: (4, 3), 2021: (3, 4)}
RESPONDENTS = (8, 40)  # inclusive range for every other organisation
RESPONSE_RATE = (0.55, 0.92)  # respondents / invited

# Spread, in percentage points of the scale. The organisation spread is wide enough to show a realistic
# distribution; answer noise makes single answers vary by about one step on a 1–7 scale.
SPREAD = {
    "organisation": 7.0,
    "organisation_year": 2.5,
    "dimension": 3.0,
    "organisation_dimension": 4.0,
    "category": 5.0,
    "organisation_category": 5.0,
    "respondent": 8.0,
    "answer": 14.0,
}
SKIP_QUESTION = 0.03  # chance that one answer is left empty
SKIP_CATEGORY = 0.015  # chance that a respondent leaves a whole category unanswered

# National averages from the GU/SCDI status reports, as listed in the research note (§3.1). Only the figures the
# note ties to a measurement year that the demo has a round for are stored:
# - 2020: 53 % and 2021: 51 %, both stated in "Statusrapport 2022" (published June 2022).
# Left out on purpose (see docs/maturity.md):
# - 47 % in "Statusrapport 2020" (published May 2020, measurement year not given, 29 organisations);
# - "dagens 48 %" on SKR's project page (April 2022): the project's baseline for municipalities and regions,
#   not tied to a measurement year, and 55 % is the project's target for 2023, not a measurement;
# - 47 % in "Statusrapport 2023": a later year than the demo's rounds;
# - 46 % for 2021: only implied by the 2023 report ("one percentage point better than 2021"), never stated.
STATUS_REPORT_2022 = (
    "Göteborgs universitet/SCDI, Statusrapport 2022 – Digital mognad i offentlig sektor "
    "(https://www.adda.se/aktuellt/2022/statusrapport-2022-digital-mognad/ ; "
    "https://www.digitalvardochomsorg.se/digital-utveckling-i-offentlig-sektor-gar-trogt/)"
)
NATIONAL_REFERENCES = [
    {"year": 2020, "category": None, "score": 53.0, "source": STATUS_REPORT_2022, "source_year": 2022},
    {"year": 2021, "category": None, "score": 51.0, "source": STATUS_REPORT_2022, "source_year": 2022},
]

MENU_LABEL = "Digital mognad"
MENU_URL = "/mognad/"
