import { Notices } from './Notices';
import { StatusBar } from './StatusBar';

/** The shell: header, notices, panel area, status bar. Panels go inside `.panel-area`. */
export function App() {
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Flow Lab</h1>
        <p className="tagline">Normalizing flows, trained and drawn in your browser</p>
      </header>
      <Notices />
      <main className="panel-area" aria-label="Panels"></main>
      <StatusBar />
    </div>
  );
}
