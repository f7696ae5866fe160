import './styles.css';
import { App } from './app/app';

new App().start();
