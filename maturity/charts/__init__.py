"""Server-side SVG charts for the maturity dashboards: no JavaScript, no chart library, nothing from a CDN.

Each chart is a Chart: the inline SVG (role="img", named by its <title> and <desc>), a legend, a sentence or two
summarising it and a data table with the same figures, so the page works without JavaScript, without sight
and on paper.

- formats.py: Swedish number formats, shared by the charts, their tables and the dashboards' own tables.
- svg.py: the drawing primitives (Chart, Series, bars, lines, histogram, quadrant), built with format_html, which
  escapes every label.
- dashboard.py: the builders the views call, which turn stored figures into Charts with summaries and tables.
"""
