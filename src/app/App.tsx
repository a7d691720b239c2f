/** The shell: header, panel area, status bar. Panels arrive in later issues. */
export function App() {
  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Flow Lab</h1>
      </header>
      <main className="panel-area" aria-label="Panels"></main>
      <footer className="status-bar"></footer>
    </div>
  );
}
