package org.learnstats.outputs.charts;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

/** Every text a chart shows, and every font it shows them in, for the font tests. */
record ChartText(List<String> texts, List<Font> fonts) {

	static ChartText of(JFreeChart chart) {
		ChartText t = new ChartText(new ArrayList<>(), new ArrayList<>());
		t.add(chart.getTitle().getText(), chart.getTitle().getFont());
		for (int i = 0; i < chart.getSubtitleCount(); i++) {
			Title s = chart.getSubtitle(i);
			if (s instanceof TextTitle tt) {
				t.add(tt.getText(), tt.getFont());
			}
			else if (s instanceof LegendTitle lt) {
				t.fonts.add(lt.getItemFont());
				LegendItemCollection items = chart.getPlot().getLegendItems();
				for (int j = 0; j < items.getItemCount(); j++) {
					LegendItem item = items.get(j);
					t.texts.add(item.getLabel());
				}
			}
		}
		Plot plot = chart.getPlot();
		t.add(plot.getNoDataMessage(), plot.getNoDataMessageFont());
		if (plot instanceof CategoryPlot p) {
			t.axis(p.getDomainAxis());
			t.axis(p.getRangeAxis());
			t.markers(p.getRangeMarkers(Layer.FOREGROUND));
			for (Object key : p.getDataset().getColumnKeys()) {
				t.texts.add(key.toString());
			}
			t.fonts.add(p.getRenderer().getDefaultItemLabelFont());
		}
		else if (plot instanceof XYPlot p) {
			t.axis(p.getDomainAxis());
			t.axis(p.getRangeAxis());
			t.markers(p.getDomainMarkers(Layer.FOREGROUND));
			t.fonts.add(p.getRenderer().getDefaultItemLabelFont());
		}
		else if (plot instanceof PiePlot<?> p) {
			t.fonts.add(p.getLabelFont());
			for (Object key : p.getDataset().getKeys()) {
				t.texts.add(key.toString());
			}
		}
		return t;
	}

	private void add(String text, Font font) {
		if (text != null) {
			this.texts.add(text);
		}
		this.fonts.add(font);
	}

	private void axis(Axis axis) {
		add(axis.getLabel(), axis.getLabelFont());
		this.fonts.add(axis.getTickLabelFont());
	}

	private void markers(Collection<?> markers) {
		if (markers == null) {
			return;
		}
		for (Object o : markers) {
			Marker m = (Marker) o;
			add(m.getLabel(), m.getLabelFont());
		}
	}

}
