"""The charts of the analysis pages start alike: still (no animation, so a refresh never flickers), the legend
below, drawn smoothly."""
from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget


def chart_view(parent: QWidget | None, *, min_height: int = 0) -> QChartView:
    """An empty chart in its view; the chart is view.chart()."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    if min_height:
        view.setMinimumHeight(min_height)
    return view
