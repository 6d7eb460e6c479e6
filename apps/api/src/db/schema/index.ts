export { authors } from './authors';
export { blogs } from './blogs';
