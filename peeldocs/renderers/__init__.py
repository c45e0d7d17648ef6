"""Renderers, one folder per format, found through the ``peeldocs.renderers`` entry points.

:mod:`~peeldocs.renderers.pdf` (tagged PDF/UA with reportlab),
:mod:`~peeldocs.renderers.docx` (python-docx) and :mod:`~peeldocs.renderers.html`,
with the chart layout they share (:mod:`~peeldocs.renderers.chart_layout`) and the
protocol every renderer meets (:mod:`~peeldocs.renderers.base`).  Renderers know
blocks and themes, never the report model; this package imports no engine.
"""
