"""This course's own macros: a standard mkdocs-macros module (define_env), loaded by the kurs
engine (or by mkdocs-macros-plugin, if a course uses it instead). The engine's macros, such as
fact() and fact_value(), are in env.macros."""

from kurs.diagrams import Bar, bar_chart


def define_env(env):
    @env.macro
    def applications_chart():
        """Applications for betänketid to Migrationsverket, in the whole country and in Stockholm,
        from the statistics in facts.yml."""
        fact, fact_value = env.macros["fact"], env.macros["fact_value"]
        groups = [
            (
                f"Hela landet {row['year']}",
                [
                    Bar("från socialtjänsten", row["social_services"], row.get("social_services_note", "")),
                    Bar("från förundersökningsledare", row["prosecutors"], row.get("prosecutors_note", "")),
                ],
            )
            for row in fact_value("statistics.applications_national")
        ]
        groups.append((
            "Stockholms stad, från socialtjänsten",
            [
                Bar("under 2024", fact("statistics.stockholm_2024_applications"),
                    f"{fact('statistics.stockholm_2024_granted')} beviljades"),
                Bar("under våren 2025", fact("statistics.stockholm_spring_2025_applications"), "alla beviljades"),
            ],
        ))
        return bar_chart("Ansökningar om betänketid till Migrationsverket", groups, "Antal ansökningar")
