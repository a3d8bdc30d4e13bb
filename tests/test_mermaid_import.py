"""`journey import --from mermaid`: real-world diagrams in, maps that lint clean out."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from journeycli.core.checks import check_map
from journeycli.core.errors import InputError
from journeycli.core.model import JourneyMap
from journeycli.core.validation import load_map
from journeycli.interop.mermaid import from_mermaid
from journeycli.interop.run import import_map

FIXTURES = DATA / "mermaid"

Task = tuple[str, int, tuple[str, ...]]


def summary(journey: JourneyMap) -> tuple[str, str, list[tuple[str, list[Task]]]]:
    """Title, language, and per stage its tasks as (name, experience, persona names met)."""
    names = {p.id: p.name for p in journey.personas}
    everyone = tuple(p.name for p in journey.personas)
    return (
        journey.title,
        journey.language.value,
        [
            (
                stage.name,
                [
                    (
                        tp.name,
                        tp.experience or 0,
                        tuple(names[i] for i in tp.personas) if tp.personas else everyone,
                    )
                    for tp in stage.touchpoints
                ],
            )
            for stage in journey.stages
        ],
    )


ME, CAT = ("Me",), ("Me", "Cat")
EXPECTED: dict[str, tuple[str, str, list[tuple[str, list[Task]]]]] = {
    "01-docs-example.mmd": (
        "My working day",
        "en",
        [
            ("Go to work", [("Make tea", 5, ME), ("Go upstairs", 3, ME), ("Do work", 1, CAT)]),
            ("Go home", [("Go downstairs", 5, ME), ("Sit down", 5, ME)]),
        ],
    ),
    "02-init-directive.mmd": (
        "Online checkout",
        "en",
        [
            ("Basket", [("Review basket", 4, ("Shopper",)), ("Apply coupon", 2, ("Shopper",))]),
            (
                "Payment",
                [("Choose payment method", 3, ("Shopper",)), ("Pay with iDEAL", 5, ("Shopper",))],
            ),
        ],
    ),
    "03-multiline-directive.mmd": (
        "Library visit",
        "en",
        [
            (
                "Find a book",
                [
                    ("Search the catalogue", 3, ("Reader",)),
                    ("Ask the librarian", 5, ("Reader", "Librarian")),
                ],
            ),
            ("Borrow", [("Self-service kiosk", 2, ("Reader",))]),
        ],
    ),
    "04-front-matter.mmd": (
        "Gym membership",
        "en",
        [
            (
                "Join",
                [("Free trial class", 4, ("Alex", "Sam")), ("Sign the contract", 2, ("Alex",))],
            ),
            (
                "Train",
                [("Book a class in the app", 3, ("Alex", "Sam")), ("Locker room", 1, ("Sam",))],
            ),
        ],
    ),
    "05-accessibility.mmd": (
        "Outpatient visit",
        "en",
        [
            (
                "Referral",
                [
                    ("GP referral letter", 3, ("Patient",)),
                    ("Appointment invitation", 2, ("Patient",)),
                ],
            ),
            (
                "Visit",
                [
                    ("Check-in desk", 4, ("Patient", "Carer")),
                    ("Waiting room", 1, ("Patient", "Carer")),
                    ("Consultation", 4, ("Patient",)),
                ],
            ),
        ],
    ),
    "06-accdescr-block.mmd": (
        "Bike repair",
        "en",
        [
            (
                "Drop off",
                [("Explain the problem", 4, ("Cyclist",)), ("Get a quote", 3, ("Cyclist",))],
            ),
            ("Pick up", [("Pay and collect", 5, ("Cyclist",))]),
        ],
    ),
    "07-tabs-indentation.mmd": (
        "Tax return",
        "en",
        [
            (
                "Prepare",
                [
                    ("Collect receipts", 2, ("Freelancer",)),
                    ("Log in with DigiD", 3, ("Freelancer",)),
                    ("Pre-filled form", 4, ("Freelancer",)),
                ],
            ),
            ("File", [("Submit", 5, ("Freelancer",)), ("Wait for assessment", 2, ("Freelancer",))]),
        ],
    ),
    "08-no-spaces.mmd": (
        "Coffee order",
        "en",
        [
            (
                "Order",
                [("Pick a drink", 5, ME), ("Customise it", 4, ("Me", "Barista")), ("Pay", 3, ME)],
            ),
            ("Drink", [("Wait at the counter", 2, ME), ("Sip", 5, ME)]),
        ],
    ),
    "09-trailing-commas.mmd": (
        "Moving house",
        "en",
        [
            (
                "Plan",
                [
                    ("Compare moving companies", 2, ("Tenant", "Partner")),
                    ("Book a van", 3, ("Tenant",)),
                ],
            ),
            (
                "Move",
                [
                    ("Carry boxes", 1, ("Tenant", "Partner", "Friend")),
                    ("Hand over the keys", 4, ("Tenant",)),
                ],
            ),
        ],
    ),
    "10-duplicate-tasks.mmd": (
        "Support ticket",
        "en",
        [
            ("Contact", [("Send an email", 3, ("Customer", "Agent")), ("Wait", 1, ("Customer",))]),
            (
                "Resolve",
                [
                    ("Send an email", 4, ("Agent",)),
                    ("Wait", 2, ("Customer",)),
                    ("Wait", 2, ("Customer",)),
                ],
            ),
        ],
    ),
    "11-tasks-before-section.mmd": (
        "Parcel delivery",
        "en",
        [
            ("Start", [("Order placed", 4, ("Buyer",)), ("Shipping label created", 3, ("Buyer",))]),
            ("Transit", [("Track and trace", 3, ("Buyer",))]),
            ("Delivery", [("Courier at the door", 5, ("Buyer", "Neighbour"))]),
        ],
    ),
    "12-empty-sections.mmd": (
        "Car lease",
        "en",
        [
            ("Orientation", []),
            (
                "Configure",
                [("Pick a model online", 4, ("Driver",)), ("Choose options", 3, ("Driver",))],
            ),
            ("Contract", []),
            ("Delivery", [("Key handover", 5, ("Driver", "Fleet manager"))]),
            ("Renewal", []),
        ],
    ),
    "13-readme.md": (
        "SaaS onboarding",
        "en",
        [
            ("Sign up", [("Create an account", 4, ("Admin",)), ("Verify email", 2, ("Admin",))]),
            (
                "Set up",
                [
                    ("Invite colleagues", 3, ("Admin", "Member")),
                    ("Connect integrations", 1, ("Admin",)),
                ],
            ),
        ],
    ),
    "14-entities-and-comments.mmd": (
        "C# course sign-up",
        "en",
        [
            (
                'Find "the" course',
                [
                    ("Read reviews on page #2", 3, ("Student",)),
                    ("Watch the intro video", 4, ("Student",)),
                ],
            ),
            ("Enrol", [("Pay 10:00 deposit", 2, ("Student",))]),
        ],
    ),
    "15-dutch-klant.mmd": (
        "Energiecontract overstappen",
        "nl",
        [
            ("Oriëntatie", [("Prijzen vergelijken", 3, ()), ("Overstapservice bellen", 2, ())]),
            ("Overstap", [("Contract tekenen", 4, ()), ("Eerste jaarnota", 1, ())]),
        ],
    ),
    "16-bom-crlf.mmd": (
        "Webinar registration",
        "en",
        [
            (
                "Register",
                [("Fill in the form", 3, ("Attendee",)), ("Confirmation email", 4, ("Attendee",))],
            ),
            ("Attend", [("Join link works", 2, ("Attendee", "Host"))]),
        ],
    ),
    "17-uppercase-keywords.mmd": (
        "Hotel stay",
        "en",
        [
            ("Arrival", [("Check in", 4, ("Guest",))]),
            ("Stay", [("Breakfast", 5, ("Guest",)), ("Room service", 2, ("Guest",))]),
            ("Departure", [("Check out", 3, ("Guest",))]),
        ],
    ),
    "18-tilde-fence.md": (
        "Pharmacy repeat prescription",
        "en",
        [
            (
                "Request",
                [
                    ("Order in the app", 4, ("Patient",)),
                    ("Doctor approves", 3, ("Patient", "Doctor")),
                ],
            ),
            ("Collect", [("Pick up at the counter", 2, ("Patient", "Pharmacist"))]),
        ],
    ),
    "19-no-title.mmd": (
        "19 no title",
        "en",
        [
            ("Discover", [("See a poster", 3, ("Visitor",))]),
            ("Visit", [("Buy a ticket", 4, ("Visitor",))]),
        ],
    ),
    "20-percent-unicode.mmd": (
        "Café loyalty 🎉",
        "en",
        [
            (
                "Discover",
                [
                    ("50% off first coffee", 5, ("Étienne", "Zoë")),
                    ("Loyalty card (10 stamps)", 4, ("Zoë",)),
                ],
            ),
            (
                "Return",
                [
                    ("Crème brûlée Friday", 5, ("Étienne",)),
                    ("Queue > 10 min", 1, ("Étienne", "Zoë")),
                ],
            ),
        ],
    ),
    "21-tab-front-matter-directive.md": (
        "Insurance claim",
        "en",
        [
            (
                "Report",
                [
                    ("Report damage online", 3, ("Policyholder",)),
                    ("Upload photos", 2, ("Policyholder",)),
                ],
            ),
            (
                "Settle",
                [
                    ("Adjuster visit", 4, ("Policyholder", "Adjuster")),
                    ("Payout", 5, ("Policyholder",)),
                ],
            ),
        ],
    ),
}


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in (".mmd", ".md"))


def imported(path: Path) -> tuple[str, JourneyMap]:
    """Import through the same function as the CLI; return the YAML and its model."""
    text = import_map(path.read_bytes(), path.name, "mermaid")
    validated = load_map(text.encode("utf-8"), path.name + ".journey.yaml")
    errors = [p for p in check_map(validated) if p.is_error]
    assert not errors, (text, errors)
    assert validated.model is not None
    return text, validated.model


def test_there_are_enough_realistic_fixtures() -> None:
    assert len(fixture_files()) >= 12
    assert {p.name for p in fixture_files()} == set(EXPECTED)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_fixture_imports_lint_clean_with_the_expected_content(path: Path) -> None:
    text, journey = imported(path)
    assert summary(journey) == EXPECTED[path.name]
    assert text.startswith("# yaml-language-server: $schema=")
    assert "version: 1\n" in text


def test_front_matter_title_and_acc_descr() -> None:
    _, journey = imported(FIXTURES / "05-accessibility.mmd")
    assert journey.description == (
        "How patients experience a first outpatient appointment, from referral to follow-up."
    )
    _, block = imported(FIXTURES / "06-accdescr-block.mmd")
    assert block.description == (
        "The customer brings a broken bike to the shop, waits for a quote and picks it up again."
    )


def test_duplicate_task_names_get_suffixed_ids() -> None:
    _, journey = imported(FIXTURES / "10-duplicate-tasks.mmd")
    ids = [tp.id for _, tp in journey.touchpoints()]
    assert ids == ["send-an-email", "wait", "send-an-email-2", "wait-2", "wait-3"]


def test_actors_become_personas_with_slug_ids_and_names_kept() -> None:
    _, journey = imported(FIXTURES / "20-percent-unicode.mmd")
    assert [(p.id, p.name) for p in journey.personas] == [("etienne", "Étienne"), ("zoe", "Zoë")]
    _, lease = imported(FIXTURES / "12-empty-sections.mmd")
    assert [(p.id, p.name) for p in lease.personas] == [
        ("driver", "Driver"),
        ("fleet-manager", "Fleet manager"),
    ]


def test_an_actor_on_every_task_means_all_personas() -> None:
    _, journey = imported(FIXTURES / "01-docs-example.mmd")
    touchpoints = {tp.name: tp for _, tp in journey.touchpoints()}
    assert touchpoints["Do work"].personas == []  # Me and Cat: everyone
    assert touchpoints["Make tea"].personas == ["me"]


def test_placeholder_actor_becomes_no_personas() -> None:
    journey = from_mermaid("journey\n section A\n  Task: 4: Customer\n")
    assert journey.personas == [] and journey.language.value == "en"


BAD = [
    ("journey\n  section A\n    Make tea: 7: Me\n", 3, "score 7; scores are whole numbers 1 to 5"),
    ("journey\n  section A\n    Make tea: 0: Me\n", 3, "score 0"),
    ("journey\n  section A\n    Make tea: 3.5: Me\n", 3, "score 3.5"),
    ("journey\n  section A\n    Make tea: x: Me\n", 3, "score 'x', not a number"),
    ("journey\n  section A\n    Make tea: : Me\n", 3, "has no score"),
    ("journey\n  section A\n    Make tea\n", 3, "has no score"),
    ("journey\n  section A\n    Make tea:\n", 3, "has no score"),
    ("journey\n\n  section A\n    Make tea: Me\n", 4, "score 'Me', not a number"),
    ("journey\n  section A\n  C# course: 3: Me\n", 3, "'#' starts a comment"),
    ("journey\n  section A\n    Time 10:30: 3: Me\n", 3, "Mermaid would drop 'Me'"),
    ("journey\n  section A\n    Tea: 3: Me: You\n", 3, "more than two ':'"),
    ("journey\n  section A\n    Tea: 3: Me; Coffee: 4: Me\n", 3, "';' is not allowed"),
    ("journey\n  section A\n    : 3: Me\n", 3, "needs a name before ':'"),
    ("\n\nJourney\n  section A\n    T: 3: Me\n", 3, "'journey' in lower case"),
    ("flowchart LR\n  A --> B\n", 1, "expected a Mermaid 'journey' diagram, found 'flowchart'"),
    ("%% only a comment\n\njourney\n  accDescr {\n  never closed\n", 4, "never closed"),
    ("---\ntitle: x\n\njourney\n", 1, "never closed"),
    (
        "---\ntitle: [x\n---\njourney\n section A\n  T: 3: Me\n",
        2,
        "front matter is not valid YAML: the '[' on line 2 is never closed",
    ),
    ("journey\n  section A\n    T: 3: Me\njourney\n", 4, "a second 'journey'"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD, ids=[b[2][:30] for b in BAD])
def test_malformed_diagram_is_an_error_with_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as caught:
        from_mermaid(text, source="d.mmd")
    assert f"d.mmd:{line}: " in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize("text", ["", "   \n\n", "%% nothing\n"])
def test_empty_input_is_an_error(text: str) -> None:
    with pytest.raises(InputError, match="no Mermaid journey diagram found"):
        from_mermaid(text, source="d.mmd")


def test_diagram_without_sections_or_tasks_is_an_error() -> None:
    with pytest.raises(InputError, match="no sections or tasks"):
        from_mermaid("journey\n  title Nothing yet\n", source="d.mmd")


def test_markdown_without_a_journey_block_names_what_it_found() -> None:
    text = "# x\n\n```mermaid\nflowchart LR\n A-->B\n```\n\n```mermaid\nsequenceDiagram\n```\n"
    with pytest.raises(InputError, match="found: flowchart, sequenceDiagram"):
        from_mermaid(text, source="README.md")


def test_markdown_line_numbers_count_from_the_top_of_the_file() -> None:
    text = "# Title\n\nSome text.\n\n```mermaid\njourney\n  section A\n    Tea: 9: Me\n```\n"
    with pytest.raises(InputError, match=r"README\.md:8: "):
        from_mermaid(text, source="README.md")


def test_front_matter_title_loses_to_the_title_statement() -> None:
    text = (
        "---\ntitle: From front matter\n---\n"
        "journey\n  title From the diagram\n section A\n  T: 3: Me\n"
    )
    assert from_mermaid(text).title == "From the diagram"


def test_title_falls_back_to_acc_title_then_default() -> None:
    assert from_mermaid("journey\n accTitle: Acc\n section A\n  T: 3: Me\n").title == "Acc"
    assert from_mermaid("journey\n section A\n  T: 3: Me\n", default_title="File").title == "File"
