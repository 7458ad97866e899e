"""Answering the course's quizzes in Chromium, as a learner would: shared by the quiz and
progress tests."""

from __future__ import annotations

from conftest import course_content
from playwright.sync_api import expect

QUIZZES = course_content().quizzes


def right_indices(question) -> list[int]:
    return [i for i, answer in enumerate(question.answers) if answer.is_right]


def wrong_index(question) -> int:
    return next(i for i, answer in enumerate(question.answers) if not answer.is_right)


def answer(page, number: int, indices: list[int]) -> None:
    quiz = page.locator(".quiz").nth(number)
    for index in indices:
        quiz.locator("fieldset input").nth(index).check()
    quiz.locator("button[type=submit]").click()
    expect(quiz.locator(".quiz-feedback")).to_be_visible()


def answer_all(page, key: str, right: list[bool]) -> None:
    for number, question in enumerate(QUIZZES[key].questions):
        answer(page, number, right_indices(question) if right[number] else [wrong_index(question)])


def js_round(value: float) -> int:
    return int(value + 0.5)


def right_count_for(key: str, passed: bool) -> int:
    """The fewest right answers that pass the bank's pass mark, or the most that fail it."""
    quiz = QUIZZES[key]
    total = len(quiz.questions)
    if passed:
        return next(n for n in range(total + 1) if js_round(100 * n / total) >= quiz.pass_mark)
    return max(n for n in range(total + 1) if js_round(100 * n / total) < quiz.pass_mark)


def answer_with(page, key: str, right_count: int) -> None:
    total = len(QUIZZES[key].questions)
    answer_all(page, key, [number < right_count for number in range(total)])
