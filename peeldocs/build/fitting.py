"""Fitting a section to its page limit: the fullest level of detail the PDF layout fits.

A brief is made at several levels of detail; :func:`fit` finds, by bisection,
the fullest that the PDF renderer lays out within the page limit, and
:class:`FittedSection` remembers the choice for the last few reports and
options, so a brief built in three formats is fitted once and every format
renders the same content.  The brief's builder (``brief_section``) is
registered in the ``peeldocs.sections`` entry-point group by this module's
name.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from peeldocs.blocks import Metadata, Pack, Section
from peeldocs.errors import PageLimitError, RenderError
from peeldocs.i18n import translator_for
from peeldocs.i18n.document import as_shown
from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.sections.levels import Levels


def fit(candidates: Sequence[Section], options: Options) -> Section:
    """Return the fullest candidate the PDF layout fits within its page limit.

    Candidates come in groups of one page limit, the smallest first (a brief on
    one page, then, only when even its shortest form cannot fit, on two); within
    a group they are ordered fullest first, each showing no more than the one
    before, so the first that fits is found by bisection.  A candidate with no
    page limit always fits.
    """
    from peeldocs.build.registry import get_renderer

    if not candidates:
        raise RenderError("a fitted section gave no content to fit")
    renderer = get_renderer("pdf")
    # laid out without writing a file where the renderer can (a third of the time)
    lay_out: Callable[[Pack, Options], object] = getattr(renderer, "lay_out", renderer.render)
    meta = Metadata("fit", "fit", options.author, (), options.clock)

    known: dict[Section, bool] = {}  # levels often repeat one another's content

    def fits(section: Section) -> bool:
        if section.page_limit is None:
            return True
        try:
            return known[section]
        except KeyError:
            pass
        except TypeError:  # a section holding something unhashable: laid out each time
            return lays_out(section)
        known[section] = answer = lays_out(section)
        return answer

    def lays_out(section: Section) -> bool:
        try:
            lay_out(Pack(meta, (section,)), options)
        except PageLimitError:
            return False
        return True

    def limit_of(index: int) -> int | None:  # known without making the section, when it can be
        if isinstance(candidates, Levels):
            return candidates.page_limit(index)
        return candidates[index].page_limit

    start = 0
    while start < len(candidates):
        limit = limit_of(start)
        end = start
        while end + 1 < len(candidates) and limit_of(end + 1) == limit:
            end += 1
        if fits(candidates[start]):
            return candidates[start]
        if end > start and fits(candidates[end]):
            low, high = start + 1, end
            while low < high:  # candidates[high] fits; find the first that does
                mid = (low + high) // 2
                if fits(candidates[mid]):
                    high = mid
                else:
                    low = mid + 1
            # a page filled where the brief keeps its limit; one that spills over (a report
            # too long for the page, which says so) is not worth tens more layouts
            return candidates[_filled(candidates, high, fits) if start == 0 else high]
        start = end + 1
    raise RenderError(f"the {candidates[0].name!r} section does not fit on "
                      f"{candidates[-1].page_limit} page(s) even with everything summarised; "
                      "shorten its wording templates or use a smaller theme")


FILL_TRIES = 60
"""At most this many fuller levels are tried once one fits (:func:`_filled`)."""


def _filled(candidates: Sequence[Section], index: int,
            fits: Callable[[Section], bool]) -> int:
    """Return the index of the fullest level grown from ``index`` that still fits.

    The levels are one line of cuts, so the first that fits may have cut more than
    the page needed (a long finding gone where the room left would hold a shorter
    one).  Levels one step fuller (:meth:`Levels.fuller`), the most wanted first, are
    tried in turn and the first that fits is kept, until none does: the page is used.
    """
    if not isinstance(candidates, Levels):
        return index
    tries = 0
    grown = True
    while grown and tries < FILL_TRIES:
        grown = False
        for fuller in candidates.fuller(index):
            tries += 1
            if fits(candidates[fuller]):
                index, grown = fuller, True
                break
            if tries >= FILL_TRIES:
                break
    return index


class FittedSection:
    """A section builder that picks, among its levels of detail, the fullest that fits.

    The choice is the same in every format, so it is remembered for the last few
    reports and options it was made for: a brief built as PDF, DOCX and HTML is
    fitted once.
    """

    REMEMBERED = 8

    def __init__(self, candidates: Callable[[Report, Options], Sequence[Section]]) -> None:
        self.candidates = candidates
        self.chosen: dict[tuple[Report, Options], Section] = {}
        self.lock = threading.Lock()

    def __call__(self, report: Report, options: Options) -> Section:
        """Build the section at the fullest level of detail that fits its page limit.

        In another language the candidates are fitted as translated (Welsh runs
        longer than English), and the English one chosen is returned for the
        document to translate.
        """
        key = (report, options)
        try:
            with self.lock:  # a batch may build in threads (build_many's executor)
                chosen = self.chosen.pop(key, None)
        except TypeError:  # options holding something unhashable: fitted each time
            return self._fit(report, options)
        chosen = chosen or self._fit(report, options)
        with self.lock:
            self.chosen[key] = chosen  # the latest used goes last
            while len(self.chosen) > self.REMEMBERED:
                del self.chosen[next(iter(self.chosen))]
        return chosen

    def _fit(self, report: Report, options: Options) -> Section:
        candidates = self.candidates(report, options)
        if options.language == "en" and translator_for(report, "en") is None:
            return fit(candidates, options)
        # each translated only when the fitting looks at it, its page limit known before
        limits = (candidates.limits if isinstance(candidates, Levels) else None)
        grow = candidates.fuller if isinstance(candidates, Levels) else None
        shown: Levels[int] = Levels(range(len(candidates)),
                                    lambda i: as_shown(report, candidates[i], options.language,
                                                       options.template_dir),
                                    limits=limits, grow=grow)
        return candidates[shown.levels[shown.index_of(fit(shown, options))]]


def _brief_candidates(report: Report, options: Options) -> Sequence[Section]:
    from peeldocs.sections.brief import brief_candidates

    return brief_candidates(report, options)


brief_section = FittedSection(_brief_candidates)
