"""What every part of the course model shares: strict fields, and pydantic's findings turned into
Swedish messages that name the file, the line and the field."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

from .errors import AuthorError
from .yamlfile import Document


class Model(BaseModel):
    """A part of the course as an author writes it: unknown fields are mistakes, and numbers,
    booleans and texts are not turned into one another behind the author's back."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


def _text_from_scalar(value: Any) -> Any:
    """A number where text is expected ("30") is the text the author wrote; a boolean is not."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_text_from_scalar), StringConstraints(strip_whitespace=True, min_length=1),
                 WithJsonSchema({"type": ["string", "number"], "minLength": 1})]
OptionalText = Annotated[str, BeforeValidator(_text_from_scalar), StringConstraints(strip_whitespace=True),
                         WithJsonSchema({"type": ["string", "number"]})]


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("kurs_date", "ska vara ett datum som finns, skrivet 2026-11-22, inte '{value}'",
                              {"value": value})


Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]


def fail(message: str, **values) -> PydanticCustomError:
    """An error with our own Swedish message, to raise inside a validator."""
    return PydanticCustomError("kurs", message, values)


# Names of list fields as an author would say them: ("questions", 2) -> "fråga 3".
ITEM_NAMES = {"questions": "fråga", "answers": "svar"}

TYPE_MESSAGES = {
    "missing": "fältet saknas",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "string_type": "ska vara text",
    "string_too_short": "får inte vara tomt",
    "list_type": "ska vara en lista, t.ex. [a, b]",
    "tuple_type": "ska vara en lista, t.ex. [a, b]",
    "dict_type": "ska vara fält som 'namn: värde'",
    "model_type": "ska vara fält som 'namn: värde'",
    "model_attributes_type": "ska vara fält som 'namn: värde'",
    "bool_type": "ska vara true eller false",
    "too_short": "ska ha minst {min_length} (nu {actual_length})",
    "greater_than_equal": "ska vara minst {ge}",
    "less_than_equal": "får vara högst {le}",
    "greater_than": "ska vara större än {gt}",
    "literal_error": "ska vara {expected}",
    "url_parsing": "ska vara en webbadress som börjar med https://",
    "url_scheme": "ska vara en webbadress som börjar med https://",
}


def _describe(loc: tuple) -> str:
    """ "fråga 3, svar 2, fältet 'right'" for ('questions', 2, 'answers', 1, 'right')."""
    parts, index = [], 0
    while index < len(loc):
        part = loc[index]
        following = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(following, int) and part in ITEM_NAMES:
            parts.append(f"{ITEM_NAMES[part]} {following + 1}")
            index += 2
            continue
        if isinstance(following, int):  # an item in a list of words or numbers: the list is enough
            parts.append(f"'{part}'")
            index += 2
            continue
        if isinstance(part, int):
            parts.append(f"term {part + 1}" if index == 0 else f"punkt {part + 1}")
        elif part not in ("function-after", "function-before", "function-wrap"):
            parts.append(f"'{part}'")
        index += 1
    return ", ".join(parts)


def allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The fields an author may write where `loc` points (for "okänt fält" messages)."""
    current: Any = model
    for part in loc:
        while get_origin(current) is not None and not (isinstance(current, type) and issubclass(current, BaseModel)):
            args = [a for a in get_args(current) if a is not type(None) and not isinstance(a, (str, int))]
            current = args[-1] if args else None
            if isinstance(part, int) or current is None:
                break
        if isinstance(part, int) or current is None:
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
    while get_origin(current) is not None:
        args = [a for a in get_args(current) if a is not type(None)]
        current = args[-1] if args else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(f.alias or name for name, f in current.model_fields.items())
    return []


# Names in pydantic's locations that are not the author's: validator wrappers and union tags.
NOT_FIELDS = {"function-after", "function-before", "function-wrap", "fact", "group", "[key]"}


def messages(error: ValidationError, model: type[BaseModel], document: Document,
             loc_prefix: tuple = (), what: str = "", describe=None) -> list[AuthorError]:
    """pydantic's findings as AuthorErrors: file, line of the field, field and what is wrong.
    `describe(loc)` may name where a location is (default: "fråga 3, svar 2") and the model whose
    fields are allowed there, as (text, model)."""
    describe = describe or (lambda loc: (_describe(loc), None))
    found = []
    for item in error.errors(include_url=False):
        loc = tuple(part for part in item["loc"] if part not in NOT_FIELDS)
        kind = item["type"]
        if kind in ("extra_forbidden", "missing"):
            where, here = describe(loc[:-1])
            if kind == "missing":
                text = f"fältet '{loc[-1]}' saknas"
            else:
                allowed = allowed_fields(here, ()) if here else allowed_fields(model, loc[:-1])
                hint = f" (tillåtna: {', '.join(allowed)})" if allowed else ""
                text = f"okänt fält '{loc[-1]}'{hint}"
        else:
            template = TYPE_MESSAGES.get(kind)
            if kind.startswith("kurs") or template is None:
                text = item["msg"]
            else:
                text = template.format(**{k: str(v).replace("' or '", "' eller '")
                                          for k, v in (item.get("ctx") or {}).items()})
                if "input" in item and not isinstance(item["input"], (dict, list)):
                    text += f", inte '{item['input']}'"
            where, _ = describe(loc)
        prefix = ", ".join(p for p in (what, where) if p)
        line = document.line(loc_prefix + loc)
        found.append(AuthorError(document.file, f"{prefix}: {text}" if prefix else text, line))
    return found


def validate(model: type[BaseModel], document: Document, context: dict | None = None,
             data: Any = ..., loc_prefix: tuple = (), what: str = "", describe=None):
    """The document's data (or `data`, found at `loc_prefix` in it) as `model`; raises a list of
    AuthorErrors (as ModelErrors) when it does not fit."""
    try:
        return model.model_validate(document.data if data is ... else data, context=context or {})
    except ValidationError as error:
        raise ModelErrors(messages(error, model, document, loc_prefix, what, describe)) from None


class ModelErrors(Exception):
    def __init__(self, errors: list[AuthorError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
