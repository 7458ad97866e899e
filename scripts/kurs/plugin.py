"""The kurs plugin for MkDocs: `plugins: - kurs: {id: …}` in mkdocs.yml.

Each event handler is a few lines around the engine's plain functions, so that the course's work
depends on MkDocs as little as possible: the course is read and rendered before MkDocs writes a
page (on_pre_build, see prepare.py), and PDFs and packages are made after (on_page_content, on_env).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import books, cases, diagrams, glossary, locale, packages, progress, review, theme
from .config import KursConfig
from .factsheets import CACHE_DIR as SHEET_CACHE
from .factsheets import PrintSettings, add_pdf_files, fill_sizes, pdf_for_page
from .model.errors import AuthorError, ContentErrors
from .model.facts import today
from .packages import offline
from .prepare import Site, engine_macros, prepare
from .quiz import engine as quiz_engine
from .render.define_env import register_with_mkdocs_macros
from .render.macros import swedish_date
from .render.pages import finish_markdown
from .render.renderer import keep_compiled
from .slides import decks
from .theme import csp
from .theme.assets import add_assets, page_styles

# The engine's files in the site, by feature, and the every-page style sheet joined from two.
ASSETS = {**progress.ASSETS, **quiz_engine.ASSETS, **decks.ASSETS, **packages.ASSETS, **glossary.ASSETS,
          **diagrams.ASSETS, **cases.ASSETS, theme.STYLE: (theme.CSS, progress.CSS)}
# Style sheets only the pages that use a feature load (by a marker in the page's HTML).
PAGE_STYLES = {**diagrams.STYLE, **cases.STYLE, **progress.STYLE}
JINJA_CACHE = ".cache/jinja"


def author_errors(function):
    """Mistakes in content become one PluginError (a message, no traceback) that stops the build."""

    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except ContentErrors as errors:
            raise PluginError(str(errors)) from None
        except AuthorError as error:
            raise PluginError(str(error)) from None

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


class KursPlugin(BasePlugin[KursConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.site: Site | None = None
        self.macros_plugin = None  # mkdocs-macros-plugin, when the course renders with it

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        locale.use(self.config.language)
        self.root = Path(config.config_file_path).parent
        self.title = self.config.title or config.site_name
        theme.add_templates(config)
        _add_scripts(config, (*progress.EVERY_PAGE, glossary.SCRIPT))
        if theme.STYLE not in config.extra_css:
            config.extra_css.insert(0, theme.STYLE)
        if "mkdocs_quiz" in config.plugins:
            quiz_engine.faster(config.plugins["mkdocs_quiz"])
        self.macros_plugin = config.plugins.get("macros")
        if _is_package_build(config):
            self.mode = "package"
        else:
            self.mode = "preview" if self.command == "serve" else "hosted"
        return config

    @author_errors
    def on_pre_build(self, *, config):
        docs_dir = Path(config.docs_dir)
        site_files = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
        known = set(site_files)

        def url_of(path):
            if not path or path not in known:
                return None
            return File(path, config.docs_dir, config.site_dir, config.use_directory_urls).url

        self.site = prepare(self.root, docs_dir, self.config, url_of, site_files, config.use_directory_urls,
                            self.mode, conf=dict(config), render_pages=self.macros_plugin is None,
                            cache_dir=self.root / JINJA_CACHE / "sidor")
        if self.macros_plugin is not None:
            self.macro_errors = register_with_mkdocs_macros(self.macros_plugin, self.site.context, engine_macros)
        self.built_sheets, self.reflections, self.packages, self.page_urls = {}, {}, {}, {}
        self.page_html, self.built_books = {}, {}
        self.today = today()
        review.log_reviews(self.site.course, self.today)

    def on_serve(self, server, *, config, builder):
        s = self.config
        for name in (s.facts, s.glossary, s.quizzes, s.slides, s.cases, f"{s.macros}.py"):
            if (self.root / name).exists():
                server.watch(str(self.root / name))
        return server

    def on_files(self, files, *, config):
        add_assets(ASSETS, files, config)
        csp.add_files(files, config, theme.STYLE)
        progress.add_texts(files, {**progress.SCRIPT_TEXTS, **quiz_engine.SCRIPT_TEXTS})
        decks.add_decks(self.site.decks, files, config)
        quiz_engine.add_engine(files, config)
        add_pdf_files(self.site.course.factsheets, files, config, self.root / SHEET_CACHE)
        if self.mode != "preview":  # made in on_env, copied to the site after it
            books.add_book_files(self.site.course, files, config, self.root / books.CACHE_DIR)
        files.append(File.generated(config, progress.DATA_FILE, content=""))  # filled in on_env
        files.append(File.generated(config, progress.REFLECTIONS_FILE, content=""))
        if self.mode == "hosted":  # made in on_env, copied to the site after it
            for name in self._packages().names.chosen(self.config.packages).values():
                files.append(File.generated(config, name, abs_src_path=str(self._packages().cached(name))))
        return files

    @event_priority(50)  # before mkdocs-quiz, which turns the <quiz> blocks that {{ quiz(…) }} writes into quizzes
    def _page_markdown(self, markdown, *, page, config, files):
        src_path = page.file.src_path
        if self.macros_plugin is not None:
            self.site.context.page = src_path  # mkdocs-macros renders next, with our macros
            return markdown
        if src_path in self.site.course.quiz_pages.values():
            page.meta["quiz"] = {"enabled": True}
        return self.site.pages.get(src_path, markdown)

    @event_priority(-50)  # after mkdocs-macros, when it renders the macros instead of us
    def _page_markdown_after_macros(self, markdown, *, page, config, files):
        if self.macros_plugin is None:
            return markdown
        src_path = page.file.src_path
        errors = self.macro_errors.pop(src_path, [])
        if errors:
            raise PluginError("\n".join(errors))
        try:
            return finish_markdown(self.site.course, markdown, src_path)
        except AuthorError as error:
            raise PluginError(str(error)) from None

    on_page_markdown = CombinedEvent(_page_markdown, _page_markdown_after_macros)

    @author_errors
    def on_page_content(self, html, *, page, config, files):
        course = self.site.course
        if books.wants_page(course, page.file.src_path):
            self.page_html[page.file.src_path] = html
        sheet = course.sheet_for(page.file.src_path)
        if sheet:
            self.built_sheets[sheet.key] = pdf_for_page(
                sheet, html, course.facts, swedish_date(course.checked_since(page.file.src_path)), self._print_settings(config),
                self.root / SHEET_CACHE, Path(config.docs_dir), page.url,
            )
        html = cases.folded_comments_unsearched(glossary.first_tooltips_only(html))
        page.meta["kurs_styles"] = page_styles(html, PAGE_STYLES)
        module = course.module_for(page.file.src_path)
        if module:
            my_data = course.roles.get("my_data")
            my_data_file = files.get_file_from_path(my_data) if my_data else None
            html, self.reflections[module.number] = progress.add_note_fields(
                html, module.number, page.file.src_path, my_data_file.url_relative_to(page.file) if my_data_file else "",
            )
        return html

    @author_errors
    def on_env(self, env, *, config, files):
        """Every page is rendered: write the course's structure for the learner's scripts and build
        the packages. The theme's templates are kept compiled in .cache/jinja/."""
        keep_compiled(env, self.root / JINJA_CACHE)
        env.globals["t"] = locale.t
        self.site.context.page = None  # every page is rendered: a fact used now (in a book) is no page's

        def url_of(src_path):
            file = files.get_file_from_path(src_path) if src_path else None
            return file.url if file else None

        data = progress.course_data(self.site.course, url_of, self.title, self.reflections,
                                    offline.edition(self._packages()))
        files.get_file_from_path(progress.DATA_FILE).content_string = progress.course_data_js(data)
        files.get_file_from_path(progress.REFLECTIONS_FILE).content_string = progress.reflections_js(self.reflections)
        env.globals["course_pages"] = data["pages"]
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
        if self.mode != "preview":  # before the packages, which have the books in them
            self.built_books = books.build_books(self._book_material(config, files), self._print_settings(config),
                                                 self.root / books.CACHE_DIR, self.today)
        if self.mode == "hosted":
            self.packages = offline.packages_for_site(self._packages(), swedish_date(self.today))
        return env

    def on_post_page(self, output, *, page, config):
        output = fill_sizes(output, self.built_sheets)
        output = books.fill_sizes(output, self.built_books)
        output = quiz_engine.slim_page(output, page.file.src_path, page.url)
        output = review.fill_table(output, lambda: review.table_html(
            self.site.course, self.today, lambda src_path: get_relative_url(self.page_urls[src_path], page.url)))
        return offline.fill_sizes(output, self.packages)

    # --- helpers ---------------------------------------------------------------------------

    def _packages(self) -> offline.Build:
        s, course = self.config, self.site.course
        final = course.final_test
        return offline.Build(self.root, self.title, offline.Names(s.id), tuple(s.packages), s.offline_config,
                             offline.inputs(s, Path(course.docs_dir).name), final.pass_mark if final else None,
                             s.language, tuple(books.file_name(course, key) for key in books.books_of(course)))

    def _book_material(self, config, files) -> books.Material:
        site, ctx = self.site, self.site.context
        page_dirs = {}
        for src_path in self.page_html:
            url = files.get_file_from_path(src_path).url
            page_dirs[src_path] = url if url.endswith("/") or not url else url.rsplit("/", 1)[0] + "/"
        return books.Material(site.course, self.page_html, self.reflections, site.decks, ctx.module_link,
                              Path(config.docs_dir), page_dirs)

    def _print_settings(self, config) -> PrintSettings:
        return PrintSettings(self.title, config.site_author or config.site_name, self.config.language,
                             ", ".join(self.config.keywords))


def _add_scripts(config, paths) -> None:
    """The scripts every page loads, deferred (they run in order once the page is parsed)."""
    present = {str(script) for script in config.extra_javascript}
    for index, path in enumerate(paths):
        if path not in present:
            script = ExtraScriptValue(path)
            script.defer = True
            config.extra_javascript.insert(index, script)


def _is_package_build(config) -> bool:
    """True for the offline package's own build (Material's offline plugin is on)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
