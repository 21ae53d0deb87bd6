/**
 * chart.js, loaded only when a dashboard opens (dynamic import), with only the pieces the
 * dashboard draws registered, so the bundle leaves out the rest of the library. The pieces are
 * named once, here; the namespace import still lets the bundler drop every other export.
 */
import * as chartjs from 'chart.js';

chartjs.Chart.register(
	chartjs.ArcElement,
	chartjs.BarController,
	chartjs.BarElement,
	chartjs.CategoryScale,
	chartjs.DoughnutController,
	chartjs.Legend,
	chartjs.LinearScale,
	chartjs.LineController,
	chartjs.LineElement,
	chartjs.PointElement,
	chartjs.Tooltip
);

export const Chart = chartjs.Chart;
