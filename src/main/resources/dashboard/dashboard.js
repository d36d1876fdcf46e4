/* learnstats dashboard: filter boxes for the unit tree and long tables. No network, no libraries. */
(function () {
	"use strict";
	document.documentElement.classList.add("js");

	function norm(s) {
		return (s || "").toLowerCase().trim();
	}

	/* Unit tree: show matching units with their ancestors, open the branches on the way. */
	function filterTree(tree, query) {
		var items = tree.querySelectorAll("li");
		for (var i = items.length - 1; i >= 0; i--) {
			var li = items[i];
			var self = !query || norm(li.getAttribute("data-search")).indexOf(query) >= 0;
			var child = false;
			var sub = li.querySelectorAll(":scope > details > ul > li");
			for (var j = 0; j < sub.length; j++) {
				if (!sub[j].hidden) {
					child = true;
					break;
				}
			}
			li.hidden = !(self || child);
			var details = li.querySelector(":scope > details");
			if (details) {
				if (query) {
					details.open = child;
				}
				else {
					details.open = details.hasAttribute("data-open");
				}
			}
		}
	}

	/* Tables: keep the rows whose data-search holds the query. */
	function filterRows(table, query) {
		var rows = table.querySelectorAll("tbody tr");
		for (var i = 0; i < rows.length; i++) {
			rows[i].hidden = !!query && norm(rows[i].getAttribute("data-search")).indexOf(query) < 0;
		}
	}

	/* A table that scrolls inside itself (on a phone) takes the keyboard focus, so the keys can scroll it. */
	function focusScrollers() {
		var boxes = document.querySelectorAll("main .wide, main table");
		for (var i = 0; i < boxes.length; i++) {
			var box = boxes[i];
			var scrolls = box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX !== "visible";
			if (scrolls && !box.hasAttribute("tabindex")) {
				box.setAttribute("tabindex", "0");
				box.setAttribute("data-scroller", "");
			}
			else if (!scrolls && box.hasAttribute("data-scroller")) {
				box.removeAttribute("tabindex");
				box.removeAttribute("data-scroller");
			}
		}
	}
	focusScrollers();
	window.addEventListener("resize", focusScrollers);
	window.addEventListener("load", focusScrollers);

	var inputs = document.querySelectorAll("input[data-filter]");
	for (var k = 0; k < inputs.length; k++) {
		(function (input) {
			var target = document.getElementById(input.getAttribute("data-filter"));
			if (!target) {
				return;
			}
			input.addEventListener("input", function () {
				var q = norm(input.value);
				if (target.tagName === "TABLE") {
					filterRows(target, q);
				}
				else {
					filterTree(target, q);
				}
			});
		})(inputs[k]);
	}
})();
