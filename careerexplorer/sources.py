"""The data sources behind the catalog: what they are, their vintages and licences."""

from __future__ import annotations

ONET_RELEASE = "O*NET 29.3"
WAGES_PERIOD = "May 2025"
PROJECTIONS_PERIOD = "2024-34"

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. USDOL/ETA has not approved, endorsed, or tested these "
    "modifications."
)

# (name, what we take from it, vintage, licence, where it is published)
SOURCES: tuple[tuple[str, str, str, str, str], ...] = (
    ("O*NET 29.3 Database (National Center for O*NET Development, USDOL/ETA)",
     "occupations, alternate and reported titles, job zones, interests, related occupations, "
     "skills, knowledge, technology", "May 2025 release", "CC BY 4.0",
     "https://www.onetcenter.org/database.html"),
    ("O*NET OnLine Bright Outlook occupations", "Bright Outlook flags and reasons",
     "matches BLS projections 2024-34", "CC BY 4.0", "https://www.onetonline.org/find/bright"),
    ("O*NET OnLine Career Clusters (States' Career Clusters Initiative framework)",
     "16 clusters and their pathways", "2019 O*NET-SOC codes", "CC BY 4.0",
     "https://www.onetonline.org/find/career"),
    ("BLS Occupational Employment and Wage Statistics (OEWS)", "wages and employment, national and by state",
     WAGES_PERIOD, "public domain (U.S. government work)", "https://www.bls.gov/oes/tables.htm"),
    ("BLS Employment Projections, table 1.2", "projected growth, openings, typical entry education, "
     "work experience, on-the-job training", PROJECTIONS_PERIOD, "public domain (U.S. government work)",
     "https://www.bls.gov/emp/tables.htm"),
    ("Advance CTE, National Career Clusters® Framework crosswalks", "2024 clusters and sub-clusters",
     "2024 framework (2025 crosswalk)", "published free for public use by Advance CTE",
     "https://careertech.org/career-clusters"),
    ("NCES CIP 2020 to SOC 2018 crosswalk", "programs beyond high school", "2020",
     "public domain (U.S. government work)", "https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56"),
)
