"""Kursens egna makron (en vanlig mkdocs-macros-modul). Motorns makron, som fact(), finns i env.macros."""


def define_env(env):
    @env.macro
    def kurstid():
        """Hela kursens tid i text, till exempel "cirka 20 minuter"."""
        return f"cirka {env.macros['total_minutes']()} minuter"
