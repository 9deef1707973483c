"""The data sources behind the catalog: what they are, their vintages and licences."""

from __future__ import annotations

# A new O*NET or BLS release changes this block and the file table below, and nothing else: the
# importer (tools/import_data.py) reads every file name from FILES, and every vintage shown to
# people comes from these constants.
ONET_RELEASE = "O*NET 29.3"
WAGES_PERIOD = "May 2025"
PROJECTIONS_PERIOD = "2024-34"

ONET = "National Center for O*NET Development, USDOL/ETA"
BLS_OEWS = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"
BLS_EP = "U.S. Bureau of Labor Statistics, Employment Projections"

# The O*NET database files, by key: all from the one release, each at onet/<name>.txt.
ONET_FILES = {
    "occupations": "Occupation Data",
    "tasks": "Task Statements",
    "reported_titles": "Sample of Reported Titles",
    "alternate_titles": "Alternate Titles",
    "job_zones": "Job Zones",
    "interests": "Interests",
    "related": "Related Occupations",
    "skills": "Skills",
    "knowledge": "Knowledge",
    "technology": "Technology Skills",
    "task_activities": "Tasks to DWAs",
    "tools": "Tools Used",
}

# key: (path under the sources folder, publisher, release, vintage of the figures)
FILES: dict[str, tuple[str, str, str, str]] = {
    **{key: (f"onet/{name}.txt", ONET, ONET_RELEASE, "May 2025") for key, name in ONET_FILES.items()},
    "bright_outlook": (
        "onet/bright-outlook/All_Bright_Outlook_Occupations.csv",
        "O*NET OnLine",
        "Bright Outlook export",
        PROJECTIONS_PERIOD,
    ),
    "clusters_16": (
        "career-clusters/onet-online-16x79/All_Career_Clusters.csv",
        "O*NET OnLine",
        "Career Clusters export (16 clusters, 79 pathways)",
        "2019 O*NET-SOC codes",
    ),
    "clusters_2024": (
        "career-clusters/advance-cte-2024/SOC_CareerCluster_SubCluster.csv",
        "Advance CTE",
        "National Career Clusters Framework crosswalk",
        "2024 framework",
    ),
    "oews_national": ("bls-oews/oews_national_M2025.csv", BLS_OEWS, "May 2025 estimates", WAGES_PERIOD),
    "oews_state": ("bls-oews/oews_state_M2025.csv", BLS_OEWS, "May 2025 estimates", WAGES_PERIOD),
    "oews_metro": ("bls-oews/oews_metro_M2025.csv.gz", BLS_OEWS, "May 2025 estimates", WAGES_PERIOD),
    "projections": (
        "bls-projections/ep_table_1_2_occupational_projections_2024_34.csv",
        BLS_EP,
        "table 1.2",
        PROJECTIONS_PERIOD,
    ),
    "cip_soc": ("cip-soc/CIP2020_SOC2018_Crosswalk_CIP-SOC.csv", "NCES", "CIP 2020 to SOC 2018 crosswalk", "2020"),
}

ONET_ATTRIBUTION = (
    f"This product includes information from the {ONET_RELEASE} Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. USDOL/ETA has not approved, endorsed, or tested these "
    "modifications."
)

# (name, what we take from it, vintage, licence, where it is published)
SOURCES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        f"{ONET_RELEASE} Database (National Center for O*NET Development, USDOL/ETA)",
        (
            "occupations, alternate and reported titles, job zones, interests, related occupations, "
            "skills, knowledge, technology"
        ),
        FILES["occupations"][3] + " release",
        "CC BY 4.0",
        "https://www.onetcenter.org/database.html",
    ),
    (
        "O*NET OnLine Bright Outlook occupations",
        "Bright Outlook flags and reasons",
        f"matches BLS projections {PROJECTIONS_PERIOD}",
        "CC BY 4.0",
        "https://www.onetonline.org/find/bright",
    ),
    (
        "O*NET OnLine Career Clusters (States' Career Clusters Initiative framework)",
        "16 clusters and their pathways",
        "2019 O*NET-SOC codes",
        "CC BY 4.0",
        "https://www.onetonline.org/find/career",
    ),
    (
        "BLS Occupational Employment and Wage Statistics (OEWS)",
        "wages and employment, national, by state and by metropolitan and nonmetropolitan area",
        WAGES_PERIOD,
        "public domain (U.S. government work)",
        "https://www.bls.gov/oes/tables.htm",
    ),
    (
        "BLS Employment Projections, table 1.2",
        ("projected growth, openings, typical entry education, work experience, on-the-job training"),
        PROJECTIONS_PERIOD,
        "public domain (U.S. government work)",
        "https://www.bls.gov/emp/tables.htm",
    ),
    (
        "Advance CTE, National Career Clusters® Framework crosswalks",
        "2024 clusters and sub-clusters",
        "2024 framework (2025 crosswalk)",
        "published free for public use by Advance CTE",
        "https://careertech.org/career-clusters",
    ),
    (
        "NCES CIP 2020 to SOC 2018 crosswalk",
        "programs beyond high school",
        "2020",
        "public domain (U.S. government work)",
        "https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56",
    ),
)
