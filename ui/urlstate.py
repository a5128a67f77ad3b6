"""Widget values kept in the URL as language-independent codes.

Streamlit's own `bind="query-params"` writes the *formatted* option into the URL, so a period shown as
"Okt 2026" would travel as that text and a link shared with an English reader would lose it. Here the
widget shows labels but the URL holds codes ("2026-10", "opd"): a session's first run seeds each widget
from the URL, and every run writes the current codes back (a value equal to its default is left out).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.i18n import lang, t


def restore(key: str, options: Sequence[str], default, multi: bool = False, pair: bool = False) -> None:
    """Before drawing the widget `key`: give it the URL's value (when valid) the first time it is seen,
    else its default; a remembered value no longer among the options falls back to the default too."""
    if key in st.session_state:
        current = st.session_state[key]
        values = list(current) if isinstance(current, (list, tuple)) else [current]
        if all(v in options for v in values if v is not None):
            return
        if multi:
            st.session_state[key] = [v for v in values if v in options]
            return
    raw = [v for v in st.query_params.get_all(key) if v in options]
    if pair:
        value = tuple(sorted(raw[:2], key=list(options).index)) if len(raw) == 2 else tuple(default)
    elif multi:
        value = raw
    else:
        value = raw[0] if raw else default
    st.session_state[key] = value


def publish(key: str, value, default) -> None:
    """Write the widget's current codes to the URL, or drop the parameter when it holds the default."""
    values = [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]
    defaults = [] if default is None else list(default) if isinstance(default, (list, tuple)) else [default]
    if values == defaults:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = [str(v) for v in values]


def choice(widget: Callable, key: str, options: Sequence[str], default, **kw):
    """A single-choice widget (selectbox, segmented control, radio) whose code lives in the URL.

    The browser keeps a selectbox's shown label (and its own copy of the value) when only its labels change, so
    after a language switch it would still show the old language's label: after each switch a selectbox is a new
    widget (`key.1`, `key.2`, ...) given the value `key` holds, and `key` follows it."""
    language, marker, generation = lang(), f"_choice_lang.{key}", f"_choice_gen.{key}"
    if widget is st.selectbox and st.session_state.get(marker) not in (None, language):
        st.session_state[generation] = st.session_state.get(generation, 0) + 1
    gen = st.session_state.get(generation, 0)
    wkey = f"{key}.{gen}" if gen else key
    if wkey != key and wkey in st.session_state:
        st.session_state[key] = st.session_state[wkey]  # the reader's latest pick since the switch
    restore(key, options, default)
    # Set, not only kept: after a page switch the browser still holds the other page's widget of this key ("sumber"
    # on Ringkasan and Skor) and Streamlit would take its value, None, over the one kept here
    st.session_state[wkey] = st.session_state[key]
    value = widget(options=list(options), key=wkey, **kw)
    if wkey != key:
        st.session_state[key] = value
    st.session_state[marker] = language
    publish(key, value, default)
    return value


def section(key: str, sections: Sequence[str], prefix: str = "sec_") -> str:
    """A page's section picker ("Bagian", a segmented control): the first section by default, labels from the
    texts `prefix + code`, the code in the URL."""
    return choice(
        st.segmented_control,
        key,
        sections,
        sections[0],
        label=t("section"),
        format_func=lambda k: t(f"{prefix}{k}"),
        required=True,
    )


def clear(keys: Sequence[str]) -> None:
    """Forget these widgets' values and their URL parameters (a callback: runs before the next run)."""
    for k in keys:
        for name in [k, *(s for s in st.session_state if str(s).startswith(f"{k}.") or str(s).endswith(f".{k}"))]:
            st.session_state.pop(name, None)
        st.query_params.pop(k, None)
